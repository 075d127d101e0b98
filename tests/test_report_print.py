"""The HTML report as a reader gets it: printed to A4 by a real browser, and read.

Chromium prints the NWDA report to PDF; pypdf counts its pages and finds where
its text sits. The rest reads the HTML and Markdown for what a reader tripped
on: progress that said "0%" with no figures, pillars out of order, an empty
Cost column, chart labels cut short, codes broken across lines, "1 errors".
"""

from __future__ import annotations

import re
import subprocess
import xml.etree.ElementTree as ET

import pytest

import intl_sdk
from intl_sdk.report import render_html, render_markdown

from support import EXAMPLES, require_program

# Its module-wide fixture is costly: the tests of this file run on one worker (pytest -n, --dist loadgroup).
pytestmark = pytest.mark.xdist_group("report_print")


A4 = (595, 842)  # points, as PDF measures a page


def nwda() -> intl_sdk.Plan:
    return intl_sdk.load(EXAMPLES / "nwda.toml")


@pytest.fixture(scope="module")
def printed(tmp_path_factory):
    """The NWDA report printed to PDF by headless Chromium, as `pypdf.PdfReader`."""
    chromium = require_program("chromium", "chromium-browser", "google-chrome", why="prints the report to PDF")
    import pypdf  # a dev dependency
    folder = tmp_path_factory.mktemp("print")
    html, pdf = folder / "nwda.html", folder / "nwda.pdf"
    html.write_text(render_html(nwda()), encoding="utf-8")
    profile = folder / "profile"
    profile.mkdir()
    result = subprocess.run(
        [
            chromium, "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
            "--disable-background-networking", "--disable-component-update", "--disable-sync",
            # no header or footer: the page's own text is what is measured
            f"--user-data-dir={profile}", "--no-pdf-header-footer", f"--print-to-pdf={pdf}", html.as_uri(),
        ],
        capture_output=True, text=True, timeout=300,
    )
    assert result.returncode == 0 and pdf.exists(), result.stderr[-2000:]
    return pypdf.PdfReader(pdf)


def page_text(page) -> tuple[str, float]:
    """A page's text, whitespace made single spaces, and the height of its lowest line (points from the bottom)."""
    heights: list[float] = []

    def visit(text, cm, tm, font, size):
        if text.strip():
            heights.append(tm[5] * cm[3] + cm[5])

    text = page.extract_text(visitor_text=visit)
    return " ".join(text.split()), min(heights, default=float(page.mediabox.height))


def test_nwda_prints_on_at_most_four_a4_pages(printed):
    assert 1 <= len(printed.pages) <= 4
    for page in printed.pages:
        assert (round(float(page.mediabox.width)), round(float(page.mediabox.height))) == A4


def test_sections_flow_so_no_page_but_the_last_is_left_mostly_empty(printed):
    """Every page but the last has text in its lowest third: a section that does
    not fit goes on where the last one ended (it used to start a new page, and
    page 2 held one chart, 70% blank)."""
    for number, page in enumerate(printed.pages[:-1], start=1):
        _, lowest = page_text(page)
        assert lowest < A4[1] / 3, f"page {number} ends {A4[1] - lowest:.0f} points from the top"


def test_nothing_is_cut_every_name_title_and_code_is_printed_whole(printed):
    text = " ".join(page_text(page)[0] for page in printed.pages)
    plan = nwda()
    for region in plan.regions:
        assert region.name in text, region.name
    for action in plan.actions:
        assert " ".join(action.title.split()) in text, action.title
    for indicator in plan.indicators:
        assert indicator.name in text, indicator.name
    for finding in intl_sdk.check(plan):
        assert finding.code in text, finding.code  # never broken across lines (`resources-/missing`)
    assert text.count("…") == text.count("…–2009")  # no label cut short (the period's start is not given)


# -- what the HTML and Markdown say ---------------------------------------------------


def shares_svg(html: str) -> ET.Element:
    match = re.search(r'<svg id="shares-chart".*?</svg>', html, re.S)
    assert match, "no shares chart"
    return ET.fromstring(match.group())


def test_chart_labels_wrap_under_their_bar_instead_of_being_cut():
    svg = shares_svg(render_html(nwda()))
    labels = [" ".join(t.text for t in text.iter("tspan")) for text in svg.iter("text") if text.get("class") == "share-label"]
    assert "Emerging markets / other" in labels and "Continental Europe" in labels
    names = {region.name for region in nwda().regions}
    assert names <= set(labels)


def test_the_unallocated_bar_is_labelled_like_the_others():
    svg = shares_svg(render_html(nwda()))
    values = [t.text for t in svg.iter("text") if t.text and t.text.endswith("%")]
    assert values == ["24%", "23%", "12%", "13%", "9%", "18%", "1%"]


def test_pillars_are_listed_in_their_order_and_an_empty_cost_column_is_left_out():
    plan = nwda()
    assert plan.actions[1].pillars == ["strategic-countries", "competitive-sectors"]  # written 3, then 1
    html = render_html(plan)
    actions = html[html.index('<section id="actions">') : html.index('<section id="coverage">')]
    assert '<td class="num">1, 3</td>' in actions and "3, 1" not in actions
    assert ">Cost<" not in actions
    plan.actions[0].cost = 120_000
    costed = render_html(plan)
    assert ">Cost<" in costed[costed.index('<section id="actions">') :] and "120,000" in costed
    markdown = render_markdown(nwda())
    assert "| Action | Pillars | Drivers |\n" in markdown and "| Cost |" not in markdown


def test_an_indicator_without_actuals_says_so_and_shows_no_empty_bar():
    html = render_html(nwda())
    indicators = html[html.index('<section id="indicators">') : html.index('<section id="findings">')]
    assert "no actuals yet" in indicators
    assert 'class="progress"' not in indicators and "0%" not in indicators
    plan = nwda()
    plan.indicators[0].actuals = {2007: 7600, 2008: 8900}
    tracked = render_html(plan)
    assert 'class="progress"' in tracked and "61% · on track" in tracked


def test_a_qualitative_target_and_figures_the_source_does_not_give_read_as_such():
    html = render_html(nwda())
    assert "increase (2009)" in html  # the FDI share of GVA: "increase in % of region's GVA" (seed line 1312)
    assert "7,147 (year not given)" in html
    assert "…–2009 (start not given)" in html


def test_counts_follow_one_plural_rule_in_both_reports():
    html, markdown = render_html(nwda()), render_markdown(nwda())
    for text in (html, markdown):
        assert "1 error, 4 warnings, 4 infos." in text
        assert "1 errors" not in text and "1 percentage point unallocated" in text


def test_codes_do_not_break_across_lines():
    html = render_html(nwda())
    assert re.search(r"code \{[^}]*white-space: nowrap", html)


def test_markdown_keeps_plain_text_plain_and_puts_a_blank_line_before_every_heading():
    for example in ("nwda.toml", "corallia.toml", "starter.toml"):
        lines = render_markdown(intl_sdk.load(EXAMPLES / example)).splitlines()
        for number, line in enumerate(lines[1:], start=1):
            if line.startswith("#"):
                assert lines[number - 1] == "", f"{example}: no blank line before {line!r}"
    markdown = render_markdown(nwda())
    assert "R&D" in markdown and "&amp;" not in markdown
