"""Opening hours: reading the content's rules and answering "åpen nå"."""

from __future__ import annotations

from datetime import datetime

import pytest

from index.content.hours import HoursError, parse_hours, read_hours

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


# --- hours as staff write them (the local-contact form, CSV import, kommune.yaml) ----------

WEEKDAYS_8_1530 = "man–fre 08:00–15:30"


@pytest.mark.parametrize(
    ("written", "understood"),
    [
        ("mandag–fredag 8–15.30", WEEKDAYS_8_1530),
        ("Mandag-fredag 8-15.30", WEEKDAYS_8_1530),
        ("hverdager 08.00-15.30", WEEKDAYS_8_1530),
        ("man-fre kl. 8-16", "man–fre 08:00–16:00"),
        ("mandag til fredag fra 8 til 16", "man–fre 08:00–16:00"),
        ("tirsdager 18–20", "tir 18:00–20:00"),
        ("man-fre 8-16, stengt i helgene", "man–fre 08:00–16:00"),
        ("lør og søn 10–14", "lør–søn 10:00–14:00"),
        ("helg 10-14", "lør–søn 10:00–14:00"),
        ("man, ons og fre 9-12", "man 09:00–12:00, ons 09:00–12:00, fre 09:00–12:00"),
        ("mandag 8-11 og 12-15", "man 08:00–11:00, man 12:00–15:00"),
        ("fre 20-02", "fre 20:00–02:00"),
        ("man-fre 09:00-15:00 | lør 10:00-14:00", "man–fre 09:00–15:00, lør 10:00–14:00"),
        ("døgnåpen", "døgnåpen"),
        ("hver dag hele døgnet", "døgnåpen"),
    ],
)
def test_hours_read_as_people_write_them(written: str, understood: str) -> None:
    hours = read_hours(written)
    assert hours is not None and hours.describe() == understood
    # What is shown back reads again as the same hours (the form saves it that way).
    assert read_hours(" | ".join(r.spec() for r in hours.rules) or "døgnåpen") == hours


@pytest.mark.parametrize(
    ("written", "fragment"),
    [
        ("stengt i helgene", "ikke bare når det er stengt"),
        ("fredag", "skriv når det er åpent på fredag"),
        ("8-16", "skriv hvilke dager «8-16» gjelder"),
        ("man-fre 8-15 etter avtale", "forstår ikke «etter»"),
        ("fre-man 9-15", "feil rekkefølge"),
        ("man 25-26", "finnes ikke"),
        ("man 10-10", "samtidig"),
    ],
)
def test_hours_that_cannot_be_read_get_a_sentence(written: str, fragment: str) -> None:
    with pytest.raises(HoursError, match=fragment):
        read_hours(written)


def test_empty_hours_are_unknown() -> None:
    assert read_hours("  ") is None


def test_next_change_says_when_it_closes_or_opens() -> None:
    office = read_hours("man-fre 8-15.30")
    assert office is not None
    assert office.next_change(MONDAY_NOON) == MONDAY_NOON.replace(hour=15, minute=30)
    friday_night = datetime(2026, 11, 27, 22, 30)
    assert office.next_change(friday_night) == datetime(2026, 11, 30, 8, 0)
    # Open across Sunday midnight: one stretch, closing Monday morning.
    late = read_hours("søn 12-24, man 0-8")
    assert late is not None
    assert late.next_change(datetime(2026, 11, 29, 22, 30)) == datetime(2026, 11, 30, 8, 0)
    assert parse_hours("døgnåpen").next_change(MONDAY_NOON) is None
