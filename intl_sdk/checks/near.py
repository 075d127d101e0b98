"""Near misses among many ids, fast: "did you mean" on a plan of thousands of items.

`difflib.get_close_matches` compares a value with every candidate. With one
finding per wrong reference and thousands of indicators, that grows with the
square of the plan. `NearMisses` indexes the candidates once by their
three-character pieces, shortlists the few that share the value's rarest
pieces, and lets difflib choose among those: the answer a reader expects
(`indicator-12x` -> `indicator-12`) at the cost of a few look-ups a value.
"""

from __future__ import annotations

import difflib
from collections import Counter
from typing import Iterable

__all__ = ["NearMisses"]

#: Up to this many candidates, difflib looks at every one.
_SMALL = 64
#: How many shortlisted candidates difflib compares.
_SHORTLIST = 6


def _closest(value: str, candidates: Iterable[str]) -> str | None:
    """difflib's best match, as `checks.context.closest` gives it."""
    matches = difflib.get_close_matches(value, list(candidates), n=1, cutoff=0.6)
    return matches[0] if matches else None


def _pieces(text: str) -> set[str]:
    padded = f"\0\0{text}\0\0"
    return {padded[i : i + 3] for i in range(len(padded) - 2)}


class NearMisses:
    """The near misses of values among one collection of candidates."""

    def __init__(self, candidates: Iterable[str]) -> None:
        self.candidates = sorted({c for c in candidates if isinstance(c, str)})
        self._index: dict[str, list[int]] | None = None
        self._answers: dict[str, str | None] = {}

    def closest(self, value: str) -> str | None:
        if value in self._answers:
            return self._answers[value]
        if len(self.candidates) <= _SMALL:
            answer = _closest(value, self.candidates)
        else:
            answer = _closest(value, self._shortlist(value))
        self._answers[value] = answer
        return answer

    def _shortlist(self, value: str) -> list[str]:
        index = self._index
        if index is None:
            index = self._index = {}
            for number, candidate in enumerate(self.candidates):
                for piece in _pieces(candidate):
                    index.setdefault(piece, []).append(number)
        postings = sorted((index[piece] for piece in _pieces(value) if piece in index), key=len)
        budget = 4 * int(len(self.candidates) ** 0.5) + 64
        counts: Counter[int] = Counter()
        seen = 0
        for posting in postings:  # the rarest pieces say the most; the commonest would cost the most
            if seen and seen + len(posting) > budget:
                break
            counts.update(posting)
            seen += len(posting)
        return [self.candidates[number] for number, _ in counts.most_common(_SHORTLIST)]
