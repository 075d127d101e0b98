"""`duplicate-action`: two actions in different regions that say the same thing.

Titles are compared as sets of words: lowercased, punctuation dropped, common
words dropped. Two titles say the same thing when one's words hold at least
80% of the other's. Pairs are found through an index of words (prefix
filtering: a title can only hold 80% of another's words if it holds one of
that other's rarest few), so a plan of thousands of actions is not compared
pair by pair.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from fractions import Fraction

from intl_sdk.checks.context import CheckContext
from intl_sdk.checks.registry import rule
from intl_sdk.findings import Severity

#: At least this share of the smaller set of words must be in the other (80%).
SAME_WORDS = Fraction(4, 5)

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


def title_words(title: str) -> frozenset[str]:
    """The words that carry a title's meaning: lowercased, without punctuation or common words."""
    return frozenset(word for word in _WORD_RE.findall(title.casefold()) if word not in COMMON_WORDS)


def _needed(smaller: int) -> int:
    """How many shared words make two titles the same, the smaller having `smaller` words."""
    return math.ceil(SAME_WORDS * smaller)


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
    region = "china"
    title = "Work with UKTI to implement the emerging markets strategy"
    [[actions]]
    region = "emerging-markets"
    title = "Work with UKTI to implement the new emerging markets strategy"
    ```

    ## Use instead
    ```toml
    [[actions]]
    region = "china"
    title = "Work with UKTI to implement the emerging markets strategy in China"
    [[actions]]
    region = "emerging-markets"
    title = "Work with UKTI to extend the emerging markets strategy to Russia, Turkey and Brazil"
    ```
    """
    actions = ctx.plan.actions
    words: list[frozenset[str]] = [
        title_words(a.title) if isinstance(a.title, str) and isinstance(a.region, str) else frozenset() for a in actions
    ]
    frequency = Counter(word for group in words for word in group)
    everything: dict[str, list[int]] = {}  # word -> earlier actions with it
    rarest: dict[str, list[int]] = {}  # word -> earlier actions with it among their rarest words
    for later, group in enumerate(words):
        if not group:
            continue
        ordered = sorted(group, key=lambda word: (frequency[word], word))
        prefix = ordered[: len(ordered) - _needed(len(ordered)) + 1]
        candidates: set[int] = set()
        for word in prefix:  # earlier titles at least as long: they hold one of this one's rarest words
            candidates.update(i for i in everything.get(word, ()) if len(words[i]) >= len(group))
        for word in group:  # earlier titles shorter: this one holds one of their rarest words
            candidates.update(i for i in rarest.get(word, ()) if len(words[i]) < len(group))
        region = actions[later].region
        for earlier in sorted(candidates):
            if actions[earlier].region == region:
                continue
            if len(words[earlier] & group) >= _needed(min(len(words[earlier]), len(group))):
                _report(ctx, earlier, later)
                break
        for word in group:
            everything.setdefault(word, []).append(later)
        for word in prefix:
            rarest.setdefault(word, []).append(later)


def _report(ctx: CheckContext, earlier: int, later: int) -> None:
    first, second = ctx.plan.actions[earlier], ctx.plan.actions[later]
    ctx.report(
        ("actions", later, "title"),
        f"action {second.id or later + 1!s} in {_region(ctx, second.region)} says what action "
        f'{first.id or earlier + 1!s} in {_region(ctx, first.region)} says: "{first.title}"',
        "if it is one action for both regions, keep it in one and say so; "
        "otherwise word each for what it does in its own region",
    )


def _region(ctx: CheckContext, region_id: str) -> str:
    for region in ctx.plan.regions:
        if region.id == region_id:
            return region.name or region_id
    return region_id
