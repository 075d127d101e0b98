"""Command palette providers: jump to any finding by typing part of it."""

from __future__ import annotations

from functools import partial

from textual.command import Hit, Hits, Provider

from intl_sdk.display import printable


class FindingCommands(Provider):
    """Every current finding, as "Jump to finding: ..." commands."""

    def _commands(self):
        app = self.app
        for finding in getattr(app, "findings", []):
            title = f"Jump to {finding.severity.value} {finding.code}: {printable(finding.message)}"
            yield title, printable(finding.path), partial(app.jump_to, finding.location)

    async def discover(self) -> Hits:
        for title, help_text, callback in list(self._commands())[:20]:
            yield Hit(1.0, title, callback, help=help_text)

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for title, help_text, callback in self._commands():
            score = matcher.match(title)
            if score > 0:
                yield Hit(score, matcher.highlight(title), callback, help=help_text)
