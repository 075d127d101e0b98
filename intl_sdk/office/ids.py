"""Ids made from names: `Emerging markets / other` -> `emerging-markets-other`, unique in their list."""

from __future__ import annotations

import re
import unicodedata

__all__ = ["slug", "unique_id"]


def slug(text: str | None, limit: int = 40) -> str:
    """Lowercase ASCII letters and digits joined by `-`, cut at a word within `limit`."""
    ascii_text = unicodedata.normalize("NFKD", text or "").encode("ascii", "ignore").decode("ascii").lower()
    out = re.sub(r"[^a-z0-9]+", "-", ascii_text).strip("-")
    if len(out) > limit:
        out = out[:limit]
        out = out.rsplit("-", 1)[0] if "-" in out else out
    return out


def unique_id(base: str, used: set[str]) -> str:
    """`base`, or `base-2`, `base-3`... whichever is not in `used` yet (then adds it)."""
    candidate, number = base, 1
    while candidate in used:
        number += 1
        candidate = f"{base}-{number}"
    used.add(candidate)
    return candidate
