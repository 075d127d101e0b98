"""Round trips, generated: nothing a plan holds is lost or changed by saving."""

from __future__ import annotations

import attrs
from hypothesis import given, strategies as st

import intl_sdk

from strategies import plans


@given(plans)
def test_loads_dumps_is_the_identity(plan):
    text = intl_sdk.dumps(plan)
    again = intl_sdk.loads(text)
    assert again == plan
    assert intl_sdk.dumps(again) == text  # a second save is byte-identical


@given(plans, plans)
def test_editing_a_saved_plan_into_another_keeps_every_value(first, second):
    """Saving through the old file's layout yields exactly the new plan."""
    loaded = intl_sdk.loads(intl_sdk.dumps(first))
    for name in [f.name for f in attrs.fields(intl_sdk.Plan) if "kind" in f.metadata and f.name != "format"] + ["extra"]:
        setattr(loaded, name, getattr(second, name))
    text = intl_sdk.dumps(loaded)
    assert intl_sdk.loads(text) == second
    assert intl_sdk.dumps(intl_sdk.loads(text)) == text


@given(plans, st.data())
def test_small_edits_change_few_lines(plan, data):
    """Changing one region's share rewrites one line, whatever else the file holds."""
    text = intl_sdk.dumps(plan)
    loaded = intl_sdk.loads(text)
    if not loaded.regions:
        return
    index = data.draw(st.integers(0, len(loaded.regions) - 1))
    loaded.regions[index].share = 12345
    after = intl_sdk.dumps(loaded)
    before_lines, after_lines = text.splitlines(), after.splitlines()
    changed = [pair for pair in zip(before_lines, after_lines) if pair[0] != pair[1]]
    if plan.regions[index].share is None:
        assert len(after_lines) == len(before_lines) + 1
    else:
        assert len(after_lines) == len(before_lines) and len(changed) == 1
        assert changed[0][1] == "share = 12345"
