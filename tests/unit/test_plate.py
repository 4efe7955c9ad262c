"""Plates as typed at the vehicle lane: letters of any script, digits and separators."""

from __future__ import annotations

import pytest

from inspection_client.domain.plate import plate_problem


@pytest.mark.parametrize(
    "plate", ["新F·A1234", "KZ 777 ABC 02", "LEA-1234", "А123ВС 77", "CD 12/34", "01.A.123"]
)
def test_plates_of_the_region_pass(plate: str) -> None:
    assert plate_problem(plate) is None


@pytest.mark.parametrize(
    ("plate", "named"),
    [("AB@#!!", "@ # !"), ("AB'12", "'"), ("AB;DROP", ";"), ("AB\x0012", "\x00"), ("AB12🚚", "🚚")],
)
def test_other_characters_are_named_once_each_in_order(plate: str, named: str) -> None:
    problem = plate_problem(plate)
    assert problem is not None
    assert problem.values["characters"] == named


def test_separators_alone_are_no_plate() -> None:
    problem = plate_problem("-- ·")
    assert problem is not None and "no letter or digit" in problem.template
