"""Opening hours: reading the content's rules and answering "åpen nå"."""

from __future__ import annotations

from datetime import datetime

import pytest

from index.content.hours import HoursError, parse_hours

MONDAY_NOON = datetime(2026, 11, 23, 12, 0)
SATURDAY_NOON = datetime(2026, 11, 28, 12, 0)


def test_always_open() -> None:
    hours = parse_hours("døgnåpen")
    assert hours.always and hours.is_open(SATURDAY_NOON.replace(hour=3))
    assert hours.describe() == "døgnåpen"


def test_weekday_rule() -> None:
    hours = parse_hours(["man-fre 09:00-15:00"])
    assert hours.is_open(MONDAY_NOON)
    assert not hours.is_open(MONDAY_NOON.replace(hour=15))  # closes at 15:00
    assert hours.is_open(MONDAY_NOON.replace(hour=9))
    assert not hours.is_open(SATURDAY_NOON)
    assert hours.spec() == ["man-fre 09:00-15:00"]


def test_overnight_rule_runs_into_the_next_day() -> None:
    hours = parse_hours(["fre 20:00-02:00"])
    friday_late = datetime(2026, 11, 27, 23, 30)
    saturday_early = datetime(2026, 11, 28, 1, 30)
    assert hours.is_open(friday_late) and hours.is_open(saturday_early)
    assert not hours.is_open(saturday_early.replace(hour=2, minute=30))


def test_several_rules_and_single_days() -> None:
    hours = parse_hours(["man-fre 16:00-22:00", "lør 10:00-14:00", "søn 12:00-24:00"])
    assert hours.is_open(SATURDAY_NOON)
    assert hours.is_open(datetime(2026, 11, 29, 23, 59))
    assert not hours.is_open(MONDAY_NOON)


@pytest.mark.parametrize(
    ("spec", "fragment"),
    [("mon-fri 09:00-15:00", "ukjent dag"), ("man-fre 9-15", "kan ikke lese"),
     ("fre-man 09:00-15:00", "feil rekkefølge"), ("man 25:00-26:00", "finnes ikke"),
     ("man 10:00-10:00", "samtidig"), ([], "døgnåpen")],
)  # fmt: skip
def test_bad_rules_say_what_is_wrong(spec: object, fragment: str) -> None:
    with pytest.raises(HoursError, match=fragment):
        parse_hours(spec)
