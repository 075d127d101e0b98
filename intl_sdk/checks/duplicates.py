"""`duplicate-action`: two actions in different regions that say the same thing.

Titles are compared as sets of words: lowercased, punctuation dropped, common
words dropped. Two titles say the same thing when one's words hold at least
80% of the other's. Pairs are found through an index of words (prefix
filtering: a title can only hold 80% of another's words if it holds one of
that other's rarest few; a word in one title only is no one's), so a plan of
thousands of actions is not compared pair by pair. The editor checks on every
keystroke: the last titles and their result are kept, so a check after an
edit elsewhere costs a comparison of the titles.
"""

from __future__ import annotations

import heapq
import re
from collections import Counter
from functools import lru_cache

from intl_sdk.checks.context import CheckContext
from intl_sdk.checks.registry import rule
from intl_sdk.findings import Severity

#: At least this share of the smaller set of words must be in the other: 4/5, 80%.
SAME_WORDS = (4, 5)

#: Words that carry no meaning of their own in an action's title.
COMMON_WORDS = frozenset(
    """
    a an the and or but nor of to in on at by for from with within without via into onto
    as per than then so such its it their they them this that these those our we us
    is are be been being was were will shall can may should would could
    all any each every other more most some also e g eg etc i e ie
    """.split()
)

_WORD_RE = re.compile(r"[^\W_]+")
#: Every ASCII character that is not a letter or a digit, as a space: the fast way for ASCII titles.
_ASCII_SEPARATORS = str.maketrans({chr(c): " " for c in range(128) if not chr(c).isalnum()})


@lru_cache(maxsize=1 << 16)  # the editor checks on every keystroke; titles mostly stay as they were
def title_words(title: str) -> frozenset[str]:
    """The words that carry a title's meaning: lowercased, without punctuation or common words."""
    text = title.casefold()
    words = text.translate(_ASCII_SEPARATORS).split() if text.isascii() else _WORD_RE.findall(text)
    return frozenset(word for word in words if word not in COMMON_WORDS)


def _needed(smaller: int) -> int:
    """How many shared words make two titles the same, the smaller having `smaller` words."""
    share, of = SAME_WORDS
    return -(-share * smaller // of)  # the ceiling, in whole numbers


@rule("duplicate-action", Severity.WARNING)
def duplicate_action(ctx: CheckContext) -> None:
    """Two actions in different regions that say the same thing.

    ## What it does
    Compares the `title` of actions in different regions, lowercased, without
    punctuation and without common words (the, to, with, of...). When one
    title's remaining words hold at least 80% of the other's, the later action
    is reported with the earlier one it repeats (an action is reported once,
    against the first it repeats).

    ## Why is this bad?
    An action copied from one region's column into another's is counted, and
    resourced, twice, or one of the two lost what was particular to its
    region. The NWDA's plan has "Work with UKTI to implement the emerging
    markets strategy" for China and "Work with UKTI to implement the new
    emerging markets strategy" for emerging markets (seed 001, lines 1254-1257
    and 1278-1280): one strategy, in two columns.

    ## Example
    ```toml
    [[actions]]
    region = "brazil"
    title = "Trade mission for the food sector with the chamber of commerce"
    [[actions]]
    region = "mexico"
    title = "Trade missions for the food sector with the chamber of commerce"
    ```

    ## Use instead
    ```toml
    [[actions]]
    region = "brazil"
    title = "Trade mission for the food sector to São Paulo, with the chamber of commerce"
    [[actions]]
    region = "mexico"
    title = "Food sector buyers' visit from Mexico City, with the chamber of commerce"
    ```
    """
    actions = ctx.plan.actions
    names = {r.id: r.name or r.id for r in reversed(ctx.plan.regions) if isinstance(r.id, str)}
    for earlier, later in repeated_actions([(a.title, a.region) for a in actions]):
        _report(ctx, earlier, later, names)


_last: tuple[list, list] = ([], [])  # the last titles and what they gave: the editor re-checks unchanged titles


def repeated_actions(titled: list[tuple[object, object]]) -> list[tuple[int, int]]:
    """(earlier, later) index pairs: each action that repeats an earlier one in
    another region, with the earliest it repeats. `titled` is (title, region) per action."""
    global _last
    last_titled, last_pairs = _last
    if titled == last_titled:
        return last_pairs
    pairs: list[tuple[int, int]] = []
    words: list[frozenset[str]] = [
        title_words(title) if isinstance(title, str) and isinstance(region, str) else frozenset()
        for title, region in titled
    ]
    frequency = Counter(word for group in words for word in group)
    shareable = [[word for word in group if frequency[word] > 1] for group in words]  # a word of one title is no one's
    prefixes = []
    for group, shared in zip(words, shareable):
        # As the smaller of a pair, a title shares `needed` of its words, so one of
        # any len(shared) - needed + 1 of its shared words: the rarest give the fewest candidates.
        slack = len(shared) - _needed(len(group)) + 1
        prefixes.append(sorted(shared, key=frequency.__getitem__)[:slack] if slack > 0 else [])
    indexed = {word for prefix in prefixes for word in prefix}  # the only words any lookup asks for
    everything: dict[str, list[int]] = {}  # word -> earlier actions with it
    rarest: dict[str, list[int]] = {}  # word -> earlier actions with it in their prefix
    for later, (group, prefix) in enumerate(zip(words, prefixes)) if indexed else ():
        relevant = [word for word in shareable[later] if word in indexed]
        lists = [everything[word] for word in prefix if word in everything]  # earlier titles that may hold this one
        lists += [rarest[word] for word in relevant if word in rarest]  # earlier titles this one may hold
        if lists:
            region = titled[later][1]
            seen = -1
            # Each list is in plan order, so the first match is the earliest action this one repeats.
            for earlier in lists[0] if len(lists) == 1 else heapq.merge(*lists):
                if earlier == seen or titled[earlier][1] == region:
                    continue
                seen = earlier
                if len(words[earlier] & group) >= _needed(min(len(words[earlier]), len(group))):
                    pairs.append((earlier, later))
                    break
        for word in relevant:
            everything.setdefault(word, []).append(later)
        for word in prefix:
            rarest.setdefault(word, []).append(later)
    _last = (titled, pairs)
    return pairs


def _report(ctx: CheckContext, earlier: int, later: int, names: dict[str, str]) -> None:
    first, second = ctx.plan.actions[earlier], ctx.plan.actions[later]
    ctx.report(
        ("actions", later, "title"),
        f"action {second.id or later + 1!s} in {names.get(second.region, second.region)} says what action "
        f'{first.id or earlier + 1!s} in {names.get(first.region, first.region)} says: "{first.title}"',
        "if it is one action for both regions, keep it in one and say so; "
        "otherwise word each for what it does in its own region",
    )
