"""Saving edits arrays item by item: comments among the items stay (issue 11's findings)."""

from __future__ import annotations

import tomllib

import intl_sdk
from intl_sdk import Party

from test_writing import changed_lines

OBJECTIVES = """format = 1

[strategy]
name = "Plan"
objectives = [
    # why first: the board's priority
    "Grow exports",
    # between the two
    "Attract investment",  # the second
]
"""


def test_editing_one_objective_keeps_the_comments_of_a_multiline_list():
    plan = intl_sdk.loads(OBJECTIVES)
    plan.strategy.objectives[1] = "Attract inward investment"
    after = intl_sdk.dumps(plan)
    assert changed_lines(OBJECTIVES, after) == [
        '-    "Attract investment",  # the second',
        '+    "Attract inward investment",  # the second',
    ]


def test_appending_an_objective_keeps_the_comments_and_adds_one_line():
    plan = intl_sdk.loads(OBJECTIVES)
    plan.strategy.objectives.append("Keep talent")
    after = intl_sdk.dumps(plan)
    assert changed_lines(OBJECTIVES, after) == ['+    "Keep talent",']
    assert after.index('"Keep talent"') > after.index("# the second")


def test_removing_an_objective_takes_its_own_comments_only():
    plan = intl_sdk.loads(OBJECTIVES)
    del plan.strategy.objectives[0]
    after = intl_sdk.dumps(plan)
    assert changed_lines(OBJECTIVES, after) == ["-    # why first: the board's priority", '-    "Grow exports",']


def test_moving_an_item_moves_its_comments_with_it():
    plan = intl_sdk.loads(OBJECTIVES)
    plan.strategy.objectives.reverse()
    after = intl_sdk.dumps(plan)
    assert after.split("objectives = [\n")[1] == (
        '    # between the two\n    "Attract investment",  # the second\n'
        '    # why first: the board\'s priority\n    "Grow exports",\n]\n'
    )


def test_an_array_of_inline_tables_is_edited_item_by_item():
    text = (
        'format = 1\n\n[[agreements]]\nid = "mou"\nparties = [\n'
        '    # the cluster\n    { name = "Corallia", level = "cluster-initiative" },\n'
        '    { name = "Région Sud", level = "region" },  # signs for the region\n]\n'
    )
    plan = intl_sdk.loads(text)
    plan.agreements[0].parties[1].level = "regional-authority"
    plan.agreements[0].parties.append(Party(name="Ministry", level="national"))
    after = intl_sdk.dumps(plan)
    assert changed_lines(text, after) == [
        '-    { name = "Région Sud", level = "region" },  # signs for the region',
        '+    { name = "Région Sud", level = "regional-authority" },  # signs for the region',
        '+    { name = "Ministry", level = "national" },',
    ]


def test_emptying_an_unknown_array_of_tables_edits_the_text():
    text = (
        "format = 1  # the format\n\n[strategy]\nname = \"Plan\"\n\n"
        "# the team, kept as the author wrote it\n[[team]]\nname = \"Ann\"\n[team.contact]\nmail = \"a@x\"\n\n"
        "[[team]]\nname = \"Bo\"\n\n# after the team\n[other]\nx = 1\n"
    )
    plan = intl_sdk.loads(text)
    plan.extra["team"] = []
    after = intl_sdk.dumps(plan)  # a LayoutLostWarning would fail the test
    assert after == (
        "format = 1  # the format\nteam = []\n\n[strategy]\nname = \"Plan\"\n\n"
        "# after the team\n[other]\nx = 1\n"
    )
    del plan.extra["team"]
    assert intl_sdk.dumps(plan) == after.replace("team = []\n", "")


def test_removing_an_unknown_array_of_tables_keeps_every_other_comment():
    text = "format = 1\n# kept\n\n[[x]]\na = 1\n[x.sub]\nb = 2\n\n[[x]]\na = 2\n"
    plan = intl_sdk.loads(text)
    del plan.extra["x"]
    assert intl_sdk.dumps(plan) == "format = 1\n# kept\n"


def test_items_without_ids_are_matched_by_content_so_comments_stay_with_their_item():
    text = (
        "format = 1\n\n# the first, about Ann\n[[team]]\nname = \"Ann\"\n\n"
        "# the second, about Bo\n[[team]]\nname = \"Bo\"\n"
    )
    plan = intl_sdk.loads(text)
    del plan.extra["team"][0]
    assert intl_sdk.dumps(plan) == "format = 1\n\n# the second, about Bo\n[[team]]\nname = \"Bo\"\n"


def test_list_items_are_matched_by_content_before_place():
    text = 'format = 1\nx_list = [\n    "a",  # about a\n    "b",  # about b\n]\n'
    plan = intl_sdk.loads(text)
    del plan.extra["x_list"][0]
    assert intl_sdk.dumps(plan) == 'format = 1\nx_list = [\n    "b",  # about b\n]\n'


def test_nested_multiline_arrays_are_edited_inside():
    text = "format = 1\nx = [\n  [\n    1,  # one\n    2,  # two\n  ],  # inner\n  3,\n]\n"
    plan = intl_sdk.loads(text)
    plan.extra["x"][0][1] = 20
    plan.extra["x"][0].append(4)
    after = intl_sdk.dumps(plan)
    assert after == "format = 1\nx = [\n  [\n    1,  # one\n    20,  # two\n    4,\n  ],  # inner\n  3,\n]\n"
    assert tomllib.loads(after)["x"] == [[1, 20, 4], 3]


def test_a_last_item_without_a_comma_gets_one_when_an_item_follows():
    text = 'format = 1\n\n[strategy]\nsectors = [\n  "Energy",\n  "Health"  # no comma\n]\n'
    plan = intl_sdk.loads(text)
    plan.strategy.sectors.append("Space")
    after = intl_sdk.dumps(plan)
    assert changed_lines(text, after) == [
        '-  "Health"  # no comma',
        '+  "Health",  # no comma',
        '+  "Space"',
    ]
