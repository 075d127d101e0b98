"""`intl compare --format html|md`: one offline file, plan text never markup, checked in a real browser."""

from __future__ import annotations

import re
import subprocess
from html.parser import HTMLParser

from markdown_it import MarkdownIt

from support import EXAMPLES, require_program

HOSTILE = """\
format = 1
as_of = 2009-06-01
frameworks = []

[strategy]
name = "<script>alert(1)</script>"
organisation = "<img src=x onerror=alert(1)> | *bold* [link](javascript:x)"
home_region = "Evil \\u001b[31mred\\u001b[0m"

[[regions]]
id = "r"
name = "<script>alert(2)</script> & 'x' | *y*"
share = 100
code = "CN"

[[actions]]
id = "a"
region = "r"
pillars = ["strategic-countries"]
title = "Missions"
"""


class _Tags(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: list[str] = []
        self.text: list[str] = []

    def handle_starttag(self, tag, attrs):
        self.tags.append(tag)
        for name, value in attrs:
            assert not (value or "").lower().startswith(("http:", "https:", "//", "javascript:")), (tag, name, value)

    def handle_data(self, data):
        self.text.append(data)


def _portfolio(tmp_path):
    folder = tmp_path / "portfolio"
    folder.mkdir()
    (folder / "hostile.toml").write_text(HOSTILE, encoding="utf-8")
    for name in ("nwda.toml", "regions/finnode.toml", "regions/slovenia.toml"):
        (folder / name.split("/")[-1]).write_text((EXAMPLES / name).read_text(encoding="utf-8"), encoding="utf-8")
    return folder


def test_html_is_one_offline_file_and_plan_text_is_text(run_intl, tmp_path):
    folder = _portfolio(tmp_path)
    result = run_intl("compare", str(folder), "--format", "html")
    assert result.returncode == 0, result.stderr
    html = result.stdout
    parser = _Tags()
    parser.feed(html)
    assert not {"script", "img", "link", "iframe", "object"} & set(parser.tags)
    assert not re.search(r"<[^>]*\s(src|href)=", html) and "@import" not in html and "url(" not in html
    text = "".join(parser.text)
    assert "<script>alert(2)</script> & 'x' | *y*" in text  # shown, as written
    assert "\x1b" not in html and "\\x1b[31mred" in text  # a terminal escape shown, not kept
    assert html.count("<svg") == 2


def test_markdown_escapes_plan_text(run_intl, tmp_path):
    folder = _portfolio(tmp_path)
    markdown = run_intl("compare", str(folder), "--format", "md").stdout
    assert "<script>" not in markdown and "<img" not in markdown
    rendered = MarkdownIt("commonmark").enable("table").render(markdown)
    parser = _Tags()
    parser.feed(rendered)
    assert not {"script", "img", "a", "em"} & set(parser.tags)
    assert "<img src=x onerror=alert(1)> | *bold* [link](javascript:x)" in "".join(parser.text)


def test_text_output_shows_escapes_instead_of_running_them(run_intl, tmp_path):
    out = run_intl("compare", str(_portfolio(tmp_path))).stdout
    assert "\x1b" not in out and "\\x1b[31mred" in out


def test_a_real_browser_draws_the_heat_map_and_the_share_bars(run_intl, tmp_path):
    chromium = require_program("chromium", "chromium-browser", "google-chrome", why="renders the comparison in a real browser")
    page = tmp_path / "portfolio.html"
    result = run_intl("compare", str(EXAMPLES), "--format", "html", "-o", str(page))
    assert result.returncode == 0, result.stderr
    flags = [
        "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync",
        f"--user-data-dir={tmp_path / 'profile'}",
    ]
    dom = subprocess.run([chromium, *flags, "--dump-dom", page.as_uri()], capture_output=True, text=True, timeout=120)
    assert dom.returncode == 0, dom.stderr[-2000:]
    rendered = dom.stdout
    plans = len(re.findall(r'<g class="heat-row">', rendered))
    assert plans == 9  # every plan in examples/, a row each
    assert len(re.findall(r'<rect class="heat-\d"', rendered)) == plans * 6
    bars = re.findall(r'<rect class="bar" x="\d+" y="[\d.]+" width="([\d.]+)"', rendered)
    assert len(bars) == 7 and max(map(float, bars)) == 380.0  # the destinations with a share; the largest spans the chart
    for words in ("China", "Kazan", "Shanghai", "BRIC", "Where the portfolio goes"):
        assert words in rendered
    shot = tmp_path / "portfolio.png"
    picture = subprocess.run(
        [chromium, *flags, "--window-size=1250,2400", f"--screenshot={shot}", page.as_uri()],
        capture_output=True, text=True, timeout=120,
    )
    assert picture.returncode == 0 and shot.stat().st_size > 50_000  # charts and tables, not a blank page
