"""Command palette provider: jump to any finding by typing part of it.

The app's commands come first in the palette; the findings follow, one line
each ("Jump to finding: ..."). Their scores are lowered below every command's
for that (the palette sorts by score). Finding text is plan text, so it is
shown as plain text, never read as markup.
"""

from __future__ import annotations

from functools import partial

from textual.command import Hit, Hits, Provider
from textual.content import Content

from intl_sdk.display import printable

# Commands score 0 (listed with no query) to 1; findings sit below them all.
_BELOW_COMMANDS = -2.0


class FindingCommands(Provider):
    """Every current finding, as "Jump to finding: ..." commands."""

    def _commands(self):
        app = self.app
        for finding in getattr(app, "findings", []):
            title = f"Jump to finding: {finding.severity.value} {printable(finding.message)}  ({printable(finding.path)})"
            yield title, partial(app.jump_to, finding.location)

    async def discover(self) -> Hits:
        for position, (title, callback) in enumerate(self._commands()):
            yield Hit(_BELOW_COMMANDS - position / 10_000, Content(title), callback, text=title)

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        match_style = matcher.match_style
        for title, callback in self._commands():
            score, offsets = matcher.fuzzy_search.match(query, title)
            if score > 0:
                display = Content(title)
                for offset in offsets:
                    display = display.stylize(match_style, offset, offset + 1)
                yield Hit(_BELOW_COMMANDS + min(score, 1.0), display, callback, text=title)
