"""Plan templates: the core's blank plan, then those of installed plugins."""

from __future__ import annotations

from importlib.resources import files

from intl_sdk.frameworks import Template

__all__ = ["BLANK", "available_templates"]


def _blank() -> Template:
    text = files(__package__).joinpath("blank.toml").read_text(encoding="utf-8")
    return Template("blank", "A blank plan", text, "The strategy's keys, with commented examples of each item.")


BLANK = _blank()


def available_templates() -> dict[str, Template]:
    """The blank plan first, then every installed plugin's templates."""
    from intl_sdk.plugins import installed_plugins

    return {BLANK.id: BLANK, **installed_plugins().templates}
