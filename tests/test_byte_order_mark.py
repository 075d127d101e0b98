"""Plans saved with a UTF-8 byte-order mark (Notepad, Excel's "CSV UTF-8") load, check and save."""

from __future__ import annotations

import json

import pytest

import intl_sdk

from test_layout import first_share_line

BOM = b"\xef\xbb\xbf"


@pytest.fixture(params=["\n", "\r\n"], ids=["LF", "CRLF"])
def bom_plan(request, tmp_path, nwda_text):
    newline = request.param
    path = tmp_path / "plan.toml"
    path.write_bytes(BOM + nwda_text.replace("\n", newline).encode("utf-8"))
    return path, newline


def test_a_plan_with_a_byte_order_mark_loads_and_keeps_its_lines(bom_plan, nwda_text):
    path, _ = bom_plan
    plan = intl_sdk.load(path)
    assert plan == intl_sdk.loads(nwda_text)
    findings = intl_sdk.check(plan)
    (shares,) = [f for f in findings if f.code == "shares-sum"]
    assert shares.line == first_share_line(nwda_text)  # the mark takes no line and moves none


def test_saving_keeps_the_byte_order_mark_and_the_line_ends(bom_plan):
    path, newline = bom_plan
    before = path.read_bytes()
    plan = intl_sdk.load(path)
    plan.regions[0].share = 25
    intl_sdk.dump(plan, path)
    after = path.read_bytes()
    assert after.startswith(BOM) and not after.startswith(BOM * 2)
    assert after.count(b"\r\n") == before.count(b"\r\n")
    assert after.replace(b"share = 25", b"share = 24", 1) == before
    again = intl_sdk.load(path)
    assert again.regions[0].share == 25
    intl_sdk.dump(again, path)  # a second save from the saved text: same bytes
    assert path.read_bytes() == after


def test_a_plan_without_a_mark_gets_none(tmp_path, nwda_text):
    path = tmp_path / "plan.toml"
    path.write_text(nwda_text, encoding="utf-8")
    plan = intl_sdk.load(path)
    plan.regions[0].share = 25
    intl_sdk.dump(plan, path)
    assert not path.read_bytes().startswith(BOM)


def test_loads_and_dumps_take_text_with_the_mark_too(nwda_text):
    plan = intl_sdk.loads("\ufeff" + nwda_text)
    assert intl_sdk.dumps(plan) == "\ufeff" + nwda_text
    assert intl_sdk.loads(BOM + nwda_text.encode()) == plan


def test_intl_check_exits_by_its_findings_not_2(run_intl, bom_plan, nwda_text):
    path, _ = bom_plan
    result = run_intl("check", str(path), "--format", "json")
    assert result.returncode == 1, result.stderr
    (file_result,) = json.loads(result.stdout)["files"]
    assert {"code": "shares-sum", "line": first_share_line(nwda_text)} in [{"code": f["code"], "line": f["line"]} for f in file_result["findings"]]
