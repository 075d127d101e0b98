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
    "strategy.home_code": "#form-strategy #field-home-code",
    "strategy.period": "#form-strategy #field-period-start",
    "strategy.period.start": "#form-strategy #field-period-start",
    "strategy.period.end": "#form-strategy #field-period-end",
    "regions": "#form-regions #field-share",
    "regions.*": "#table-regions",
    "regions.*.id": "#form-regions #field-id",
    "regions.*.name": "#form-regions #field-name",
    "regions.*.share": "#form-regions #field-share",
    "regions.*.code": "#form-regions #field-code",
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
    # the report's whole model: drivers, the methodology, co-operation, presence abroad
    "strategy.drivers.*": "#form-strategy #field-drivers",
    "actions.*.drivers.*": "#form-actions #field-drivers",
    "methodology": "#form-strategy #field-methodology-driver-mechanisms",
    "methodology.driver_mechanisms.*": "#form-strategy #field-methodology-driver-mechanisms",
    "methodology.consensus.*": "#form-strategy #field-methodology-consensus",
    "methodology.prioritised_framework.*": "#form-strategy #field-methodology-prioritised-framework",
    "methodology.global_view.*": "#form-strategy #field-methodology-global-view",
    "methodology.value_web.*": "#form-strategy #field-methodology-value-web",
    "methodology.national_focus.*": "#form-strategy #field-methodology-national-focus",
    "methodology.baseline_outputs.*": "#form-strategy #field-methodology-baseline-outputs",
    "agreements": "#table-agreements",
    "agreements.*": "#table-agreements",
    "agreements.*.funds": "#form-agreements #field-funds",
    "agreements.*.staff_fte": "#form-agreements #field-staff-fte",
    "offices.*.id": "#form-offices #field-id",
    "offices.*.region": "#form-offices #field-region",
    "offices.*.staff_fte": "#form-offices #field-staff-fte",
}
# places with no widget of their own: the status line must say where the jump went
NEAREST = {
    "strategy", "regions", "actions", "indicators", "regions.*", "actions.*", "indicators.*", "agreements.*.thematic_areas",
    "methodology", "agreements", "agreements.*",
}


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


async def jump_from_every_finding(app, pilot, name: str) -> list[str]:
    """Enter on each finding of the plan the app has open; what went wrong, if anything."""
    await app.workers.wait_for_complete()
    await pilot.pause()
    findings = list(app.findings)
    problems = []
    if name.startswith("fires-") and not findings:
        problems.append(f"{name}: a fired plan with no findings")
    table = app.query_one(FindingsTable)
    for row, finding in enumerate(findings):
        where = place(finding.location)
        if where not in LANDS_ON:
            problems.append(f"{name}: no landing decided for {finding.code} at {finding.path} ({where})")
            continue
        table.focus()
        table.move_cursor(row=row)
        await pilot.press("enter")
        await pilot.pause()
        if app.focused is not app.query_one(LANDS_ON[where]):
            problems.append(f"{name}: {finding.code} at {finding.path} focused {app.focused}, not {LANDS_ON[where]}")
        head = finding.location[0]
        if head in ("regions", "actions", "indicators", "agreements", "offices"):
            if app.query_one("TabbedContent").active != head:
                problems.append(f"{name}: {finding.path} showed the {app.query_one('TabbedContent').active} tab")
            selected = app.pane(head).selected_index
            if len(finding.location) > 1 and selected != finding.location[1]:
                problems.append(f"{name}: {finding.path} selected item {selected}")
        said = "▸" in str(app.query_one("#findings-title").render())
        if said != (where in NEAREST):
            problems.append(f"{name}: {finding.path}: the status line {'said' if said else 'did not say'} where the jump went")
    return problems


SWEEP_PARTS = 4


@pytest.mark.asyncio
@pytest.mark.parametrize("part", range(SWEEP_PARTS))
async def test_enter_on_every_finding_focuses_the_widget_that_fixes_it(tmp_path, part):
    """One editor opens each plan of its part in turn (many plans, one start-up).

    The plans are dealt into parts so that parallel test workers share the sweep.
    """
    readable = {}
    for name, text in sorted(PLANS.items())[part::SWEEP_PARTS]:
        path = tmp_path / f"{len(readable)}.toml"
        path.write_text(text, encoding="utf-8")
        try:
            readable[name] = (path, intl_sdk.load(path))
        except intl_sdk.PlanError:
            continue  # not a readable plan: it has no findings to jump to
    assert len(readable) >= 30 // SWEEP_PARTS
    (first_path, first_plan), problems = next(iter(readable.values())), []
    app = PlanEditorApp(first_plan, str(first_path))
    async with app.run_test(size=(120, 40)) as pilot:
        for name, (path, plan) in readable.items():
            if plan is not first_plan:
                app.open_plan(plan, str(path))
            problems += await jump_from_every_finding(app, pilot, name)
    assert not problems, "\n".join(problems)


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
