"""`intl compare`: the report's regions side by side, where they go, and the partners the issue names."""

from __future__ import annotations

import json
import subprocess
import sys
from decimal import Decimal

import pytest

from intl_sdk.compare import Places, comparison, read_portfolio
from support import EXAMPLES

# Its module-wide fixture is costly: the tests of this file run on one worker (pytest -n, --dist loadgroup).
pytestmark = pytest.mark.xdist_group("compare")


REGIONS = ("asturias", "finnode", "lazio", "montreal", "nrw", "slovenia")


@pytest.fixture(scope="module")
def examples_json():
    result = subprocess.run(
        [sys.executable, "-m", "intl_sdk", "compare", str(EXAMPLES), "--format", "json"],
        capture_output=True, text=True, timeout=120,
    )
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def _pair(data, a, b):
    for pair in data["partners"]:
        if {pair["a"], pair["b"]} == {a, b}:
            return pair
    raise AssertionError(f"no partners {a} and {b}: {[(p['a'], p['b']) for p in data['partners']]}")


def test_every_region_of_the_report_is_a_row_with_its_real_figures(examples_json):
    labels = [plan["label"] for plan in examples_json["plans"]]
    assert {"nwda.toml", "corallia.toml"} | {f"regions/{name}.toml" for name in REGIONS} <= set(labels)
    by = {plan["label"]: plan for plan in examples_json["plans"]}
    assert by["nwda.toml"]["shares_total"] == 99
    assert by["regions/lazio.toml"]["budget"] == {"amount": 3_000_000, "currency": "EUR"}
    assert by["regions/lazio.toml"]["period"] == {"start": 2008, "end": 2010}
    assert [r["code"] for r in by["regions/slovenia.toml"]["regions"]] == ["IT", "DE", "RO", "TR", "RU", "BR", "CN", "EU"]
    assert by["regions/slovenia.toml"]["offices"] == 7 and by["regions/finnode.toml"]["offices"] == 4
    assert by["regions/montreal.toml"]["period"] == {"start": 2003, "end": 2025}
    # What the report does not give stays a gap, recorded as such.
    assert by["regions/finnode.toml"]["shares_total"] is None
    assert all(r["share_not_given"] for r in by["regions/finnode.toml"]["regions"])
    assert {"period", "budget", "staff_fte"} <= set(by["regions/slovenia.toml"]["not_given"])
    assert by["corallia.toml"]["agreements_by_tier"] == {"1": 2, "2": 1, "3": 1}
    assert by["nwda.toml"]["findings"]["error"] == 1  # the 99%


def test_the_partner_view_finds_the_pairs_the_issue_names(examples_json):
    nwda_finnode = _pair(examples_json, "nwda.toml", "regions/finnode.toml")
    assert {c["code"] for c in nwda_finnode["countries"]} == {"CN", "JP"}
    nwda_slovenia = _pair(examples_json, "nwda.toml", "regions/slovenia.toml")
    (china,) = nwda_slovenia["countries"]
    assert china["code"] == "CN" and "strategic-countries" in china["pillars"] and china["bric"]
    assert "Shanghai" in china["a_offices"] + china["b_offices"]  # JAPTI's office
    finnode_slovenia = _pair(examples_json, "regions/finnode.toml", "regions/slovenia.toml")
    countries = {c["code"]: c for c in finnode_slovenia["countries"]}
    assert set(countries) == {"CN", "RU"}
    assert "Kazan" in countries["RU"]["a_offices"] + countries["RU"]["b_offices"]


def test_where_the_portfolio_goes_sums_shares_and_lists_plans_and_world_regions(examples_json):
    by_code = {d["code"]: d for d in examples_json["destinations"] if d["code"]}
    china = by_code["CN"]
    assert china["total_share"] == 13  # only the NWDA gives China a share
    assert {t["plan"] for t in china["targets"]} == {"nwda.toml", "regions/asturias.toml", "regions/finnode.toml", "regions/slovenia.toml"}
    # A country matches a world region that holds it: Germany (Slovenia's Düsseldorf office) lies in NRW's Europe.
    assert "Europe" in by_code["DE"]["within"]
    assert "North America" in by_code["US"]["within"]  # FinNode's centre, in the NWDA's North America (003)
    interests = {(i["a"], i["b"]): i for i in examples_json["interests"]}
    nrw_slovenia = interests.get(("regions/nrw.toml", "regions/slovenia.toml")) or interests[("regions/slovenia.toml", "regions/nrw.toml")]
    assert nrw_slovenia["mutual"]  # NRW targets Europe (Slovenia); Slovenia has an office in Düsseldorf (DE)


def test_text_shows_the_table_the_views_and_what_was_skipped(run_intl):
    result = run_intl("compare", str(EXAMPLES))
    assert result.returncode == 0, result.stderr
    out = result.stdout
    assert out.startswith("Portfolio: 9 plans, sorted by plan\n")
    for words in ("EUR 3,000,000", "2008–2010", "99%", "not given", "Where the portfolio goes", "China (CN): 13% in 4 plans",
                  "nwda.toml and regions/finnode.toml", "Russia (RU) [BRIC]", "regions/slovenia.toml in Kazan",
                  "skipped " + str(EXAMPLES / "plugin-template" / "pyproject.toml")):
        assert words in out, words


def test_sorting_by_any_column_either_way_puts_empty_cells_last(run_intl):
    def order(*sort):
        result = run_intl("compare", str(EXAMPLES), "--format", "json", *sort)
        assert result.returncode == 0, result.stderr
        return [plan["label"] for plan in json.loads(result.stdout)["plans"]]

    by_regions = order("--sort", "regions")
    assert by_regions[-1] == "regions/slovenia.toml"  # 8 regions, the most
    down = order("--sort=-regions")
    assert down[0] == "regions/slovenia.toml"
    shares = order("--sort=-shares")
    assert shares[:2] == ["corallia.toml", "nwda.toml"]  # 100%, then 99%; plans without shares after
    assert order("--sort", "shares")[:2] == ["nwda.toml", "corallia.toml"]
    assert order("--sort", "strategic-countries")[-1] == order("--sort", "p3")[-1] == "nwda.toml"
    bad = run_intl("compare", str(EXAMPLES), "--sort", "share")
    assert bad.returncode == 2 and "did you mean 'shares'" in bad.stderr and not bad.stdout


def test_folders_are_walked_non_plans_skipped_and_a_broken_plan_named_with_its_line(run_intl, tmp_path):
    (tmp_path / "a" / "b").mkdir(parents=True)
    (tmp_path / "a" / "b" / "deep.toml").write_text((EXAMPLES / "nwda.toml").read_text(encoding="utf-8"), encoding="utf-8")
    (tmp_path / "pyproject.toml").write_text('[tool.x]\nformat = "markdown"\n', encoding="utf-8")
    (tmp_path / "broken.toml").write_text('format = 1\n[strategy]\nname = "x"\n[[regions]]\nid = "a"\nshare = "24%"\n', encoding="utf-8")
    result = run_intl("compare", str(tmp_path))
    assert result.returncode == 2
    assert "Portfolio: 1 plan, sorted by plan" in result.stdout and "deep.toml" in result.stdout
    assert f"could not read {tmp_path / 'broken.toml'}:6" in result.stdout
    assert f"skipped {tmp_path / 'pyproject.toml'}: not a plan" in result.stdout
    empty = tmp_path / "empty"
    empty.mkdir()
    none = run_intl("compare", str(empty))
    assert none.returncode == 2 and "no plan found" in none.stderr and none.stdout == ""
    missing = run_intl("compare", str(tmp_path / "nowhere.toml"))
    assert missing.returncode == 2 and missing.stdout == ""
    assert f"could not read {tmp_path / 'nowhere.toml'}: no such file" in missing.stderr
    twice = run_intl("compare", str(tmp_path / "a"), str(tmp_path / "a" / "b" / "deep.toml"))
    assert twice.stdout.startswith("Portfolio: 1 plan,")  # named twice, read once


def test_output_to_a_file(run_intl, tmp_path):
    target = tmp_path / "portfolio.md"
    result = run_intl("compare", str(EXAMPLES / "regions"), "--format", "md", "-o", str(target))
    assert result.returncode == 0 and result.stdout == "" and "Wrote" in result.stderr
    text = target.read_text(encoding="utf-8")
    assert text.startswith("# Portfolio: 6 plans") and "## Where the portfolio goes" in text


def test_without_cldr_names_match_as_written_and_the_output_says_what_to_install():
    portfolio = read_portfolio([str(EXAMPLES)])
    with_cldr = comparison(portfolio)
    bare = comparison(portfolio, places=Places(use_cldr=False))
    assert any("pip install 'intl-sdk[compare]'" in note for note in bare["notes"])
    assert not any("intl-sdk[compare]" in note for note in with_cldr["notes"])
    china = [d for d in bare["destinations"] if d["code"] == "CN"]
    assert len(china) == 1 and len(china[0]["targets"]) == 3  # by code; the NWDA's "China" has no code
    assert all(not d["within"] for d in bare["destinations"])  # no containment without the table


def test_region_names_match_in_other_languages_and_unknown_codes_are_noted(tmp_path):
    plan = (
        'format = 1\nas_of = 2009-06-01\nframeworks = []\n[strategy]\nname = "{name}"\nhome_region = "{home}"\n'
        '[[regions]]\nid = "r"\nname = "{region}"\nshare = 100\n{code}'
        '[[actions]]\nid = "a"\nregion = "r"\npillars = ["strategic-countries"]\ntitle = "Mission to {region}"\n'
    )
    (tmp_path / "it.toml").write_text(plan.format(name="Lazio", home="Italia", region="Cina", code=""), encoding="utf-8")
    (tmp_path / "si.toml").write_text(plan.format(name="Slovenia", home="Slovenija", region="Kitajska", code=""), encoding="utf-8")
    (tmp_path / "xx.toml").write_text(plan.format(name="Nowhere", home="Nowhere", region="Atlantis", code='code = "XX"\n'), encoding="utf-8")
    context = comparison(read_portfolio([str(tmp_path)]))
    (china,) = [d for d in context["destinations"] if d["code"] == "CN"]
    assert {t.region for t in china["targets"]} == {"Cina", "Kitajska"} and china["total_share"] == Decimal(200)
    assert [(p["a"], p["b"]) for p in context["partners"]] == [("it.toml", "si.toml")]
    assert any("'XX' (Atlantis, in xx.toml) is no ISO 3166 country" in note for note in context["notes"])


def test_many_files_read_in_processes_give_what_one_process_gives(run_intl, tmp_path):
    text = (EXAMPLES / "regions" / "slovenia.toml").read_text(encoding="utf-8")
    for number in range(30):
        (tmp_path / f"plan-{number:02d}.toml").write_text(text.replace("Slovene", f"Slovene {number}"), encoding="utf-8")
    one = run_intl("compare", str(tmp_path), "--format", "json", "--jobs", "1")
    two = run_intl("compare", str(tmp_path), "--format", "json", "--jobs", "2")
    assert one.returncode == two.returncode == 0, one.stderr + two.stderr
    assert one.stdout == two.stdout
    assert len(json.loads(one.stdout)["plans"]) == 30


def test_intl_check_imports_neither_compare_nor_its_extra():
    code = (
        "import sys; from intl_sdk.cli import main; "
        f"main(['check', {str(EXAMPLES / 'nwda.toml')!r}]); "
        "print([m for m in ('intl_sdk.compare', 'language_data', 'marisa_trie') if m in sys.modules], file=sys.stderr)"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.stderr.strip().splitlines()[-1] == "[]", result.stderr


def test_text_shows_fifty_pairs_and_says_how_many_more_json_lists_them_all(run_intl, tmp_path):
    plan = (
        'format = 1\nas_of = 2009-06-01\nframeworks = []\n[strategy]\nname = "Plan {n}"\nhome_code = "{home}"\n'
        '[[regions]]\nid = "china"\nname = "China"\nshare = 50\n[[regions]]\nid = "world"\nname = "World"\ncode = "001"\nshare = 50\n'
        '[[actions]]\nid = "a"\nregion = "china"\npillars = ["strategic-countries"]\ntitle = "Missions to China"\n'
        '[[actions]]\nid = "b"\nregion = "world"\npillars = ["regional-assets"]\ntitle = "Promotion worldwide"\n'
    )
    homes = ["AT", "BE", "BG", "CY", "CZ", "DK", "EE", "FI", "FR", "GR", "HR", "HU"]
    for n, home in enumerate(homes):
        (tmp_path / f"p{n:02d}.toml").write_text(plan.format(n=n, home=home), encoding="utf-8")
    text = run_intl("compare", str(tmp_path)).stdout
    assert "... and 16 more pairs (--format json lists them all)" in text  # 12 plans in China: 66 pairs
    data = json.loads(run_intl("compare", str(tmp_path), "--format", "json").stdout)
    assert len(data["partners"]) == 66
    assert data["interests"] == []  # targeting the whole world is no interest in anyone's home
