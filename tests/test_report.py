"""Reports: self-contained HTML and Markdown, plan text escaped, charts a browser renders."""

from __future__ import annotations

import re
import subprocess
import xml.etree.ElementTree as ET
from decimal import Decimal
from html.parser import HTMLParser

from markdown_it import MarkdownIt

import intl_sdk
from intl_sdk.report import render_html, render_markdown

from support import EXAMPLES, require_program

NWDA = str(EXAMPLES / "nwda.toml")


def shares_svg(html: str) -> ET.Element:
    match = re.search(r'<svg id="shares-chart".*?</svg>', html, re.S)
    assert match, "no shares chart"
    return ET.fromstring(match.group())


def test_report_html_is_self_contained_and_its_chart_has_six_bars_summing_to_99(run_intl, tmp_path):
    out = tmp_path / "out.html"
    result = run_intl("report", NWDA, "--format", "html", "-o", str(out))
    assert result.returncode == 0, result.stderr
    html = out.read_text(encoding="utf-8")
    assert not re.search(r"(src|href)\s*=\s*[\"']?\s*(https?:)?//", html), "fetches something"
    assert "http://" not in html and "https://" not in html
    assert "<script" not in html.lower() and "<link" not in html.lower() and "@import" not in html and "url(" not in html
    svg = shares_svg(html)
    bars = [e for e in svg.iter("rect") if "share-bar" in e.get("class", "")]
    assert len(bars) == 6
    assert sum(Decimal(b.get("data-share")) for b in bars) == 99
    assert [b.get("data-region") for b in bars] == ["north-america", "continental-europe", "india", "china", "japan", "emerging-markets"]
    (gap,) = [e for e in svg.iter("rect") if "share-unallocated" in e.get("class", "")]
    assert gap.get("data-share") == "1" and float(gap.get("height")) > 0
    assert "1 percentage point unallocated" in html


def test_report_html_has_every_section():
    html = render_html(intl_sdk.load(EXAMPLES / "corallia.toml"))
    for section in ("action-plan", "shares", "actions", "coverage", "indicators", "agreements", "findings"):
        assert f'<section id="{section}">' in html
    ladder = html[html.index('<section id="agreements">') :]
    order = [ladder.index(f"Tier {n}") for n in (1, 2, 3)]
    assert order == sorted(order)  # the agreements ladder in tier order
    assert "@page { size: A4" in html


HOSTILE = """\
format = 1

[strategy]
name = "Plan <script>alert('x')</script> & \\"quotes\\""

[[regions]]
id = "r"
name = "<script>alert(1)</script> & 'single' \\"double\\" | *bold* [link](javascript:x)"
share = 100
summary = "<img src=x onerror=alert(1)>"
"""


class _Texts(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: list[str] = []
        self.text: list[str] = []

    def handle_starttag(self, tag, attrs):
        self.tags.append(tag)

    def handle_data(self, data):
        self.text.append(data)


def test_plan_text_is_escaped_in_html_and_markdown():
    plan = intl_sdk.loads(HOSTILE)
    html = render_html(plan)
    parser = _Texts()
    parser.feed(html)
    assert "script" not in parser.tags and "img" not in parser.tags
    assert "<script>alert(1)</script> & 'single' \"double\"" in "".join(parser.text)  # shown as text
    assert "&lt;script&gt;alert(1)&lt;/script&gt; &amp; &#39;single&#39; &#34;double&#34;" in html
    markdown = render_markdown(plan)
    assert "<script>" not in markdown and "<img" not in markdown
    assert "&lt;script&gt;alert(1)&lt;/script&gt; & " in markdown  # a plain & stays as written
    assert "\\| \\*bold\\* \\[link\\](javascript:x)" in markdown  # no cell break, no emphasis, no link
    # rendered by a CommonMark renderer (markdown-it-py, which rich brings), it is the same text again
    rendered = MarkdownIt("commonmark").enable("table").render(markdown)
    parser = _Texts()
    parser.feed(rendered)
    assert not {"script", "img", "a", "em"} & set(parser.tags)  # the plan text made no tag
    assert "<script>alert(1)</script> & 'single' \"double\" | *bold* [link](javascript:x)" in "".join(parser.text)


def test_markdown_report_reads_like_the_seeds_table(run_intl):
    result = run_intl("report", NWDA, "--format", "md")
    assert result.returncode == 0
    text = result.stdout
    assert "| Target region | Summary of main activities / actions | Resource share |" in text
    assert "| North America | Target specific international trade/investment opportunities" in text
    assert "| **Total** | 1 percentage point unallocated | **99%** |" in text


def test_a_real_browser_renders_the_report_with_its_charts_and_regions(tmp_path):
    CHROMIUM = require_program("chromium", "chromium-browser", "google-chrome", why="renders the report in a real browser")
    out = tmp_path / "nwda.html"
    plan = intl_sdk.load(EXAMPLES / "nwda.toml")
    plan.indicators[0].actuals = {2007: 7600, 2008: 8900}  # progress to draw (the report gives no actuals)
    out.write_text(render_html(plan), encoding="utf-8")
    flags = [
        "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync",
        f"--user-data-dir={tmp_path / 'profile'}",
    ]
    dom = subprocess.run([CHROMIUM, *flags, "--dump-dom", out.as_uri()], capture_output=True, text=True, timeout=120)
    assert dom.returncode == 0, dom.stderr[-2000:]
    rendered = dom.stdout
    assert rendered.count('class="share-bar') == 6 and 'class="share-unallocated"' in rendered
    assert 'class="progress"' in rendered and 'class="heatmap' in rendered
    for region in ("North America", "Continental Europe", "India", "China", "Japan", "Emerging markets / other"):
        assert region in rendered
    shot = tmp_path / "nwda.png"
    picture = subprocess.run(
        [CHROMIUM, *flags, "--window-size=900,2000", f"--screenshot={shot}", out.as_uri()],
        capture_output=True, text=True, timeout=120,
    )
    assert picture.returncode == 0 and shot.stat().st_size > 20_000  # a page with charts, not a blank one


AGREEMENTS = """\
format = 1
frameworks = ["elsewhere"]
[strategy]
name = "Plan with agreements"
staff_fte = 10
drivers = ["skills"]
[[regions]]
id = "china"
name = "China"
share = 100
[[offices]]
id = "shanghai"
name = "Shanghai office"
region = "china"
location = "Shanghai"
host = "Consulate-general"
staff_fte = 2
opened = 2007-04-02
tasks = ["Lead generation", "Aftercare"]
[[actions]]
id = "students"
region = "china"
pillars = ["science-rd-hei"]
title = "Students"
drivers = ["skills", "population-change"]
[[agreements]]
id = "funded"
framework = "elsewhere"
kind = "mou"
partner = "Partner"
status = "signed"
added_value = "Shared labs"
funds = 40_000
staff_fte = 0.5
sponsor = "Regional minister"
[[agreements]]
id = "bare"
framework = "elsewhere"
kind = "mou"
partner = "Other"
status = "negotiating"
"""


def test_both_reports_show_offices_the_driver_matrix_the_methodology_and_each_agreements_conditions():
    plan = intl_sdk.loads(AGREEMENTS)
    html, markdown = render_html(plan), render_markdown(plan)
    offices = html[html.index('<section id="offices">') : html.index('<section id="shares">')]
    assert "Shanghai office" in offices and "Consulate-general" in offices and "opened 2007-04-02" in offices
    assert "Lead generation; Aftercare" in offices and "2 <span" in offices and "of 10" in offices  # 2 of China's 10 FTE
    assert "| Shanghai office | China | Shanghai | Consulate-general | 2 | Lead generation; Aftercare |" in markdown
    drivers = html[html.index('<section id="drivers">') : html.index('<section id="methodology">')]
    assert "6. Skills increasingly needed by all</td><td class=\"num\">1</td>" in drivers
    assert 'class=" muted"' in drivers  # the drivers the strategy does not name are greyed
    assert "| 2. Population change (not named) | 1 | · | 1 |" in markdown
    assert "| Students | 2 | 2, 6 |" in markdown  # the action's drivers, by number
    assert "The plan has no `[methodology]`: none of its minimum contents is addressed" in markdown
    assert "The plan has no [methodology]" in html
    assert "added value ✓ · resources: funds 40,000; 0.5 FTE · sponsor: Regional minister" in markdown
    assert "added value ✗ · resources: ✗ · sponsor: ✗" in markdown
    agreements = html[html.index('<section id="agreements">') :]
    assert agreements.count('class="gap">') >= 3  # the bare agreement is under way: its gaps are marked


def test_the_nwda_report_shows_its_offices_drivers_and_methodology():
    plan = intl_sdk.load(EXAMPLES / "nwda.toml")
    markdown = render_markdown(plan)
    assert "| ukti-china | China | China | UKTI embassies/consulates | 2 | Inward investment lead generation; Aftercare |" in markdown
    assert "| NOE Japan presence | Japan | Japan |  |  | Inward investment activities |" in markdown
    assert "| 7. Increasing pressure on energy resources and the environment **(unanswered)** | 0 |" in markdown
    assert "| 6. Links into the national focus ✓ | Work with UKTI to implement the emerging markets strategy;" in markdown
    assert "| 2. A consensus around benefits ✗ | not said |" in markdown
