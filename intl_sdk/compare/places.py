"""Where a target region is: its code, and the world regions that hold it.

A plan's target region is matched by its `code` (ISO 3166-1 alpha-2 for a
country, a UN M49 area code for a world region, an ISO 3166-2 subdivision
for part of a country) or else by its name. The table of which M49 region
holds which country, and the names of territories in every language, are
CLDR's, as the `language_data` package ships them (`intl-sdk[compare]`):
we write no such table. Without that package, codes and names match only
when they are equal, and `Places.cldr` is False so the output can say so.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from intl_sdk.model import REGION_CODE_PATTERN

__all__ = ["Places", "country_part", "name_key"]

_CODE_RE = re.compile(REGION_CODE_PATTERN)
#: `<group type="021" contains="BM CA GL PM US"/> <!--Northern America -->`
_GROUP_RE = re.compile(r'<group type="([0-9A-Z]{2,3})" contains="([^"]*)"([^>]*)/>(?:[ \t]*<!--([^>]*?)-->)?')
#: Groupings CLDR lists that are no places to target (the UN's members, and its own "outlying" codes).
_NOT_PLACES = frozenset({"UN", "QO"})


def name_key(name: str) -> str:
    """A name as names are compared: case, accents, punctuation and spacing ignored."""
    text = unicodedata.normalize("NFKD", name.casefold())
    text = "".join(char for char in text if not unicodedata.combining(char))
    return " ".join(re.findall(r"[^\W_]+", text))


def country_part(code: str) -> str:
    """`ES` of `ES-AS`; any other code as it is."""
    return code.split("-", 1)[0]


class Places:
    """Codes for names, and containment, from CLDR when it is installed."""

    def __init__(self, *, use_cldr: bool = True) -> None:
        self._containers: dict[str, frozenset[str]] = {}
        self._names: dict[str, str] = {}
        self.cldr = False
        if use_cldr:
            try:
                self._load_cldr()
            except ImportError:
                pass

    def _load_cldr(self) -> None:
        from importlib.resources import files

        import language_data  # noqa: F401  (ImportError: the extra is not installed)

        text = files("language_data").joinpath("data", "supplementalData.xml").read_text(encoding="utf-8")
        start = text.find("<territoryContainment>")
        end = text.find("</territoryContainment>", start)
        if start < 0 or end < 0:
            raise ImportError("language_data has no territoryContainment")
        parents: dict[str, set[str]] = {}
        for group, contains, attributes, comment in _GROUP_RE.findall(text[start:end]):
            if 'status="deprecated"' in attributes or group in _NOT_PLACES:
                continue
            if comment and group not in self._names and 'status="grouping"' not in attributes:
                self._names[group] = re.split(r"[.,]", comment, maxsplit=1)[0].strip()
            for child in contains.split():
                if child not in _NOT_PLACES:
                    parents.setdefault(child, set()).add(group)
        for child in parents:
            seen: set[str] = set()
            todo = list(parents[child])
            while todo:
                parent = todo.pop()
                if parent not in seen:
                    seen.add(parent)
                    todo.extend(parents.get(parent, ()))
            self._containers[child] = frozenset(seen)
        self.cldr = True

    def code_for(self, name: str | None, code: str | None) -> tuple[str | None, str]:
        """(code, how it was found: "code", "name" or "") for a region."""
        if isinstance(code, str) and _CODE_RE.match(code):
            return code, "code"
        if not self.cldr or not isinstance(name, str) or not name.strip():
            return None, ""
        found = _name_to_code(name)
        if found is not None and _CODE_RE.match(found) and found not in _NOT_PLACES:
            return found, "name"
        return None, ""

    def known(self, code: str) -> bool:
        """Whether CLDR knows the code (always True without CLDR: nothing to tell)."""
        if not self.cldr:
            return True
        return country_part(code) in self._containers or code in self._names

    def containers(self, code: str) -> frozenset[str]:
        """The world regions (and groupings such as EU) that hold a code's country."""
        return self._containers.get(country_part(code), frozenset())

    def covers(self, region_code: str, place_code: str) -> bool:
        """Whether a target region with `region_code` takes in `place_code`: the
        same country (or a subdivision of it), or a world region holding it."""
        if region_code == place_code:
            return True
        if "-" in region_code:  # a subdivision covers only itself
            return False
        place_country = country_part(place_code)
        return region_code == place_country or region_code in self.containers(place_country)

    def name_of(self, code: str) -> str | None:
        """CLDR's English name for a world region (from its comments), if known."""
        return self._names.get(code)


@lru_cache(maxsize=4096)
def _name_to_code(name: str) -> str | None:
    import warnings

    from language_data.names import name_to_code

    with warnings.catch_warnings():  # marisa_trie may warn on load
        warnings.simplefilter("ignore")
        try:
            return name_to_code("territory", name)
        except Exception:  # a name the tries cannot take (an odd character) matches nothing
            return None
