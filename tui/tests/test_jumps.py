"""Enter on a finding lands on the exact widget that fixes it, for every finding
of every example, every template and every bad plan the test suite has.

The expected widget of each kind of place is written out below (not computed
by the code under test); a place not listed fails the sweep, so a new kind of
finding gets its landing decided on purpose.
"""

from __future__ import annotations

import glob
import shutil
from pathlib import Path

import pytest

import intl_sdk
from intl_sdk.templates import available_templates
from intl_tui.app import PlanEditorApp
from intl_tui.widgets.findings import FindingsTable


REPO = Path(__file__).resolve().parents[2]

# place (ints and map keys as *) -> the widget focused after Enter on the finding
LANDS_ON = {
    "frameworks.*": "#form-strategy #field-frameworks",
    "ignore.*": "#form-strategy #field-ignore",
    "severity.*": "#form-strategy #field-severity",
    "strategy": "#form-strategy #field-budget-amount",
    "strategy.name": "#form-strategy #field-name",
    "strategy.period": "#form-strategy #field-period-start",
    "strategy.period.start": "#form-strategy #field-period-start",
    "strategy.period.end": "#form-strategy #field-period-end",
    "regions": "#form-regions #field-share",
    "regions.*": "#table-regions",
    "regions.*.id": "#form-regions #field-id",
    "regions.*.name": "#form-regions #field-name",
    "regions.*.share": "#form-regions #field-share",
    "actions": "#table-actions",
    "actions.*": "#table-actions",
    "actions.*.id": "#form-actions #field-id",
    "actions.*.title": "#form-actions #field-title",
    "actions.*.region": "#form-actions #field-region",
    "actions.*.pillars": "#form-actions #field-pillars",
    "actions.*.pillars.*": "#form-actions #field-pillars",
    "actions.*.indicators.*": "#form-actions #field-indicators",
    "actions.*.start": "#form-actions #field-start",
    "actions.*.end": "#form-actions #field-end",
    "indicators": "#table-indicators",
    "indicators.*": "#table-indicators",
    "indicators.*.direction": "#form-indicators #field-direction",
    "indicators.*.baseline": "#form-indicators #field-baseline-value",
    "indicators.*.baseline.value": "#form-indicators #field-baseline-value",
    "indicators.*.baseline.year": "#form-indicators #field-baseline-year",
    "indicators.*.target": "#form-indicators #field-target-value",
    "indicators.*.target.value": "#form-indicators #field-target-value",
    "indicators.*.target.year": "#form-indicators #field-target-year",
    "indicators.*.target.change": "#form-indicators #field-target-change",
    "indicators.*.actuals": "#form-indicators #field-actuals",
    "indicators.*.not_given.*": "#form-indicators #field-not-given",
    "indicators.*.measures.*": "#form-indicators #field-measures",
    "agreements.*.partner": "#form-agreements #field-partner",
    "agreements.*.kind": "#form-agreements #field-kind",
    "agreements.*.sponsor": "#form-agreements #field-sponsor",
    "agreements.*.parties": "#form-agreements #field-parties",
    "agreements.*.added_value": "#form-agreements #field-added-value",
    "agreements.*.resources": "#form-agreements #field-resources",
    "agreements.*.thematic_areas": "#table-agreements",  # a plugin's key: no field of its own
}
# places with no widget of their own: the status line must say where the jump went
NEAREST = {"strategy", "regions", "actions", "indicators", "regions.*", "actions.*", "indicators.*", "agreements.*.thematic_areas"}


def place(location: tuple) -> str:
    parts = [str(p) if not isinstance(p, int) else "*" for p in location]
    if parts and parts[0] == "severity":
        parts[1:] = ["*"]
    return ".".join(parts)


def bad_plans() -> dict[str, str]:
    """The test suite's plans with slips: the checker tests' fired plans, and any plan file under tests/fixtures."""
    import test_checks

    plans = {f"fires-{code}-{n}": test_checks.CLEAN.replace(old, new, 1) for n, (code, old, new, *_) in enumerate(test_checks.FIRING)}
    for path in sorted(glob.glob(str(REPO / "tests" / "fixtures" / "**" / "*.toml"), recursive=True)):
        text = Path(path).read_text(encoding="utf-8")
        if text.lstrip().startswith("format") or "\nformat = " in text:
            plans[Path(path).name] = text
    return plans


def all_plans() -> dict[str, str]:
    plans = {Path(p).name: Path(p).read_text(encoding="utf-8") for p in sorted(glob.glob(str(REPO / "examples" / "*.toml")))}
    plans.update({f"template-{tid}": template.text for tid, template in available_templates().items()})
    plans.update(bad_plans())
    return plans


PLANS = all_plans()


def test_the_sweep_covers_examples_templates_and_every_checker_slip():
    assert {"nwda.toml", "corallia.toml", "starter.toml", "template-blank"} <= set(PLANS)
    assert sum(name.startswith("fires-") for name in PLANS) >= 30


@pytest.mark.asyncio
@pytest.mark.parametrize("name", sorted(PLANS))
async def test_enter_on_every_finding_focuses_the_widget_that_fixes_it(tmp_path, name):
    path = tmp_path / "plan.toml"
    path.write_text(PLANS[name], encoding="utf-8")
    try:
        plan = intl_sdk.load(path)
    except intl_sdk.PlanError:
        pytest.skip("not a readable plan: it has no findings to jump to")
    app = PlanEditorApp(plan, str(path))
    async with app.run_test(size=(120, 40)) as pilot:
        await app.workers.wait_for_complete()
        await pilot.pause()
        findings = list(app.findings)
        if name.startswith("fires-"):
            assert findings, "a fired plan with no findings"
        table = app.query_one(FindingsTable)
        for row, finding in enumerate(findings):
            where = place(finding.location)
            assert where in LANDS_ON, f"{name}: no landing decided for {finding.code} at {finding.path} ({where})"
            table.focus()
            table.move_cursor(row=row)
            await pilot.press("enter")
            await pilot.pause()
            expected = app.query_one(LANDS_ON[where])
            assert app.focused is expected, f"{name}: {finding.code} at {finding.path} focused {app.focused}, not {LANDS_ON[where]}"
            head = finding.location[0]
            if head in ("regions", "actions", "indicators", "agreements"):
                assert app.query_one("TabbedContent").active == head
                pane = app.pane(head)
                if len(finding.location) > 1:
                    assert pane.selected_index == finding.location[1], f"{name}: {finding.path} selected item {pane.selected_index}"
            note = app.query_one("#findings-title").render()
            said = "▸" in str(note)
            assert said == (where in NEAREST), f"{name}: {finding.path}: status line {str(note)!r}"


@pytest.mark.asyncio
async def test_a_missing_baseline_year_lands_on_baseline_year_with_its_indicator_selected(tmp_path):
    path = tmp_path / "nwda.toml"
    # the example records that the seed gives no year (not_given); without that record, the finding is back
    text = (REPO / "examples" / "nwda.toml").read_text(encoding="utf-8")
    at = text.index('id = "export-value"')
    text = text[:at] + text[at:].replace('not_given = ["baseline.year"]\n', "", 1)
    path.write_text(text, encoding="utf-8")
    app = PlanEditorApp(intl_sdk.load(path), str(path))
    async with app.run_test(size=(100, 30)) as pilot:
        await app.workers.wait_for_complete()
        await pilot.pause()
        table = app.query_one(FindingsTable)
        row = next(i for i, f in enumerate(app.findings) if f.message == "Value of exports has no baseline year")
        assert app.findings[row].path == "indicators.export-value.baseline.year"
        table.focus()
        table.move_cursor(row=row)
        await pilot.press("enter")
        await pilot.pause()
        assert app.focused is app.query_one("#form-indicators #field-baseline-year")
        assert app.query_one("#form-indicators #field-name").value == "Value of exports"
