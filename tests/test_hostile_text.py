"""Hostile text in every text field: shown as text on every surface, never acted on.

Rich markup, ANSI and OSC escapes (colours, screen clearing, hyperlinks), C1
controls, bidirectional overrides, HTML and very long lines go into every text
field of a plan. The terminal output of `intl check` and `intl show`, the
editor's rendered screen, and the Markdown and HTML reports must show them as
characters: no escape reaches a terminal, no tag reaches a browser.
"""

from __future__ import annotations

import asyncio
import re
import subprocess
import sys

import pytest

import intl_sdk
from intl_sdk import Action, Agreement, Indicator, Measurement, Methodology, Office, Party, Period, Plan, Strategy, TargetRegion
from intl_sdk.report import render_html, render_markdown

# Its module-wide fixture is costly: the tests of this file run on one worker (pytest -n, --dist loadgroup).
pytestmark = pytest.mark.xdist_group("hostile_text")


HOSTILE = [
    "[bold red]markup[/]",
    "[link=http://evil.test]click[/link]",
    "\x1b[31mred\x1b[0m",
    "\x1b]8;;http://evil.test\x07hyperlink\x1b]8;;\x07",
    "\x1b[2J\x1b[Hcleared",
    "\x07bell\x08back",
    "\x9b31mcsi",
    "\u202eevil\u202c",
    "\u2066isolate\u2069",
    "<script>alert(1)</script>",
    "<img src=x onerror=alert(1)>",
    "long " + "y" * 3000,
]
# What must never reach a terminal or a page: escapes, C1, BEL, backspace, bidi controls.
RAW_CONTROL_RE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
OUR_SGR_RE = re.compile(r"\x1b\[[0-9;]*m")


def hostile_plan() -> Plan:
    h = HOSTILE
    return Plan(
        frameworks=["corallia"],
        strategy=Strategy(
            name=h[0], organisation=h[1], home_region=h[2], period=Period(start=2006, end=2009),
            sectors=h[3:6], objectives=h[6:], drivers=["skills", h[0][:14]],
        ),
        methodology=Methodology(consensus=h[7], baseline_outputs=["indicators.i0", h[9], "actions." + h[2]]),
        offices=[
            Office(id=f"o{i}", region=f"r{i}", name=text, location=text, host=h[-1 - i], tasks=[text], staff_fte=1)
            for i, text in enumerate(h)
        ],
        regions=[
            TargetRegion(id=f"r{i}", name=text, share=9 if i else 1, summary=h[(i + 1) % len(h)])
            for i, text in enumerate(h)
        ],
        actions=[
            Action(id=f"a{i}", region=f"r{i}", pillars=["competitive-sectors", text[:20]], title=text, drivers=["skills", text[:16]])
            for i, text in enumerate(h)
        ],
        indicators=[
            Indicator(id=f"i{i}", name=text, unit=h[-1 - i], source=text, baseline=Measurement(value=1, year=2006), target=Measurement(value=0, year=2009))
            for i, text in enumerate(h)
        ],
        agreements=[
            Agreement(id=f"g{i}", framework="corallia", kind=text[:15], partner=text, added_value=text,
                      parties=[Party(name=text, level=text[:10])], builds_on=[text[:12]],
                      status="signed", resources=text, sponsor=h[-1 - i], funds=1000)
            for i, text in enumerate(h)
        ],
    )


@pytest.fixture(scope="module")
def hostile_file(tmp_path_factory):
    path = tmp_path_factory.mktemp("hostile") / "hostile.toml"
    intl_sdk.dump(hostile_plan(), path)
    return path


def assert_inert(output: str, *, allow_our_colours: bool = False) -> None:
    if allow_our_colours:
        output = OUR_SGR_RE.sub("", output)
    found = RAW_CONTROL_RE.findall(output)
    assert not found, f"raw control characters reached the output: {sorted(set(found))!r}"


def _intl(*args: str) -> str:
    intl = str(__import__("pathlib").Path(sys.executable).with_name("intl"))
    result = subprocess.run([intl, *args], capture_output=True, text=True, timeout=120)
    assert "Traceback" not in result.stderr
    return result.stdout + result.stderr


def test_the_plan_round_trips_with_every_hostile_string(hostile_file):
    assert intl_sdk.load(hostile_file) == hostile_plan()


@pytest.mark.parametrize("colour", ["never", "always"])
def test_intl_check_text_output_is_inert(hostile_file, colour):
    output = _intl("check", str(hostile_file), "--color", colour)
    assert_inert(output, allow_our_colours=colour == "always")
    assert "\\x1b[31mred\\x1b[0m" in output  # made visible, not acted on
    assert "[bold red]markup[/]" in output or "'[bold red]markup[/]'" in output


def test_intl_show_output_is_inert_and_literal(hostile_file):
    output = _intl("show", str(hostile_file))
    assert_inert(output)
    assert "[bold red]markup[/]" in output and "\\u202eevil\\u202c" in output


def test_the_editors_screen_is_inert_and_literal(hostile_file):
    sys.path.insert(0, str(__import__("pathlib").Path(__file__).resolve().parents[1] / "tui" / "tests"))
    from screen import rendered_text

    from intl_tui.app import PlanEditorApp

    async def screens() -> list[str]:
        app = PlanEditorApp(intl_sdk.load(hostile_file), str(hostile_file))
        shown = []
        async with app.run_test(size=(160, 45)) as pilot:
            await app.workers.wait_for_complete()
            for key in ("f2", "f3", "f4", "f5", "f6"):
                await pilot.press(key)
                await pilot.pause()
                shown.append(rendered_text(app.export_screenshot()))
        return shown

    shown = "\n".join(asyncio.run(screens()))
    assert_inert(shown)
    assert "[bold red]markup[/]" in shown and "[link=http://evil.test]click[/link]" in shown
    assert "\\x1b[31mred\\x1b[0m" in shown and "\\u202eevil\\u202c" in shown


def test_reports_show_everything_as_text(hostile_file):
    plan = intl_sdk.load(hostile_file)
    html = render_html(plan)
    assert_inert(html)
    assert "<script>alert" not in html and "<img src=x" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html and "\\u202eevil\\u202c" in html
    markdown = render_markdown(plan)
    assert_inert(markdown)
    assert "<script>" not in markdown and "<img" not in markdown
    assert "\\[bold red\\]markup\\[/\\]" in markdown
