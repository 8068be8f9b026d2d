"""What a hit carries for the user to act on: a contact's main number and whether it is open,
the same in the API, on the command line and in the window."""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path

import pytest
import yaml
from pytestqt.qtbot import QtBot

from desktop.documents.render import open_status
from desktop.windows.emergency import first_phone
from index.handbook import Handbook
from index.local.draft import ChannelDraft, ContactDraft
from index.local.layer import LayeredSearcher, LocalLayer
from index.local.store import LocalStore
from tests.conftest import MONDAY_NOON, WindowFactory
from tests.test_cli import handbok
from tests.test_window import search as type_into_window

SUNDAY_NIGHT = datetime(2026, 11, 29, 3, 0)
SATURDAY_EVENING = datetime(2026, 11, 28, 21, 30)
CASES = yaml.safe_load((Path(__file__).parent / "data" / "search_cases.yaml").read_text("utf-8"))
STATE = {"open": True, "closed": False, "unknown": None}


@pytest.mark.parametrize("at", [MONDAY_NOON, SATURDAY_EVENING, SUNDAY_NIGHT])
def test_every_contact_hit_has_the_cards_number_and_open_state(
    handbook: Handbook, at: datetime
) -> None:
    contacts = handbook.store.contacts()
    assert len(contacts) >= 20
    states = set()
    for contact in contacts:
        hits = handbook.searcher.search(contact.name, kind="contact", limit=50, now=at).hits
        hit = next((h for h in hits if h.id == contact.id), None)
        assert hit is not None, contact.name
        # The window's contact card decides these from the database; the hit must agree.
        assert hit.phone == first_phone(contact), contact.id
        assert hit.open_now is STATE[open_status(contact, at)[0]], (contact.id, at)
        states.add(hit.open_now)
    assert True in states and None in states  # the shipped content has both kinds


def test_open_now_follows_the_clock(handbook: Handbook) -> None:
    """A line with day-time hours is open at noon on a Monday and closed at night."""
    timed = [
        c
        for c in handbook.store.contacts()
        if open_status(c, MONDAY_NOON)[0] == "open" and open_status(c, SUNDAY_NIGHT)[0] == "closed"
    ]
    assert timed, "the shipped content has a contact with day-time hours"
    contact = timed[0]
    for at, expected in ((MONDAY_NOON, True), (SUNDAY_NIGHT, False)):
        hits = handbook.searcher.search(contact.name, kind="contact", now=at).hits
        assert next(h for h in hits if h.id == contact.id).open_now is expected


def test_other_hits_carry_no_number(handbook: Handbook) -> None:
    hits = handbook.searcher.search("selvhjelp", limit=40).hits
    others = [h for h in hits if h.kind != "contact"]
    assert others
    for hit in others:
        assert hit.phone == "" and hit.open_now is None
        assert "phone" not in hit.as_json() and "open_now" not in hit.as_json()


def test_json_of_a_contact_hit_has_phone_and_open_now(store_dir: Path) -> None:
    result = handbok("search", "kirkens", "sos", "--json", store=store_dir)
    assert result.returncode == 0, result.stderr
    first = json.loads(result.stdout)[0]
    assert first["id"] == "kirkens-sos"
    # Kirkens SOS answers the telephone around the clock: open whenever the test runs.
    assert first["phone"] == "22 40 00 40" and first["open_now"] is True
    chat_only = handbok("search", "kors", "på", "halsen", "--json", store=store_dir)
    hit = next(h for h in json.loads(chat_only.stdout) if h["id"] == "kors-pa-halsen")
    assert hit["phone"] == "800 33 321" and hit["open_now"] is None  # hours not confirmed


@pytest.fixture
def layered(handbook: Handbook, store_dir: Path, tmp_path: Path) -> Iterator[LayeredSearcher]:
    local = LocalStore.open(tmp_path / "lokalt")
    local.contacts.add(
        ContactDraft(
            name="Frivilligsentralen i Testby",
            category="kommunal-tjeneste",
            channels=(ChannelDraft("telefon", "62 00 00 01"),),
            hours="man-fre 09:00-15:00",
            description="Låner ut lokaler til selvhjelpsgrupper.",
        )
    )
    layer = LocalLayer(local, None, store_dir, handbook.store.synonyms())
    yield LayeredSearcher(handbook.searcher, layer)
    layer.close()


def test_a_local_contact_hit_has_its_number_and_hours(layered: LayeredSearcher) -> None:
    for at, expected in ((MONDAY_NOON, True), (SUNDAY_NIGHT, False)):
        hits = layered.search("frivilligsentralen testby", now=at).hits
        hit = next(h for h in hits if h.id.startswith("lokal-frivilligsentralen"))
        assert hit.phone == "62 00 00 01" and hit.open_now is expected


# --- a finished query: the same in the window as on the command line ---------------------------


def test_a_finished_query_finds_first_what_the_command_line_finds(handbook: Handbook) -> None:
    """The window searches with the last word as a prefix (it may be unfinished) and asks for
    more hits; once the word is whole, the command line's hits come first, in its order."""
    queries = {c["query"] for c in CASES} | {"kan jeg ringe noen", "sjølvmord", "handling"}
    for text in sorted(queries):
        cli = [h.id for h in handbook.searcher.search(text, limit=10).hits]
        window = [h.id for h in handbook.searcher.search(text, limit=40, prefix_last=True).hits]
        assert window[: len(cli)] == cli, text


def test_window_and_command_line_show_the_same_for_a_finished_query(
    qtbot: QtBot, make_window: WindowFactory, store_dir: Path
) -> None:
    window = make_window()
    for text in ("etterlatte etter selvmord", "hjelpetelefon for unge", "kirkens sos"):
        cli = json.loads(handbok("search", text, "--json", store=store_dir).stdout)
        shown = type_into_window(qtbot, window, text)
        result = window.results.result
        assert result is not None
        assert [h.id for h in result.hits[: len(cli)]] == [h["id"] for h in cli], text
        assert {h["id"] for h in cli} <= set(shown), text
        for hit, line in zip(result.hits, cli, strict=False):
            assert (hit.phone, hit.open_now) == (line.get("phone", ""), line.get("open_now"))


# --- common words answered from the build's table (champions.py) -------------------------------


@pytest.fixture(scope="module")
def champion_store(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The shipped content built with a table for every word in 5 or more documents (a large
    handbook has them for words in 100 or more)."""
    from index.resources import content_dir, search_config_dir
    from index.search import fulltext
    from index.store.build import build_store

    out = tmp_path_factory.mktemp("champions") / "store"
    saved = fulltext.CHAMPIONS_FROM
    fulltext.CHAMPIONS_FROM = 5
    try:
        build_store(content_dir(), search_config_dir(), out)
    finally:
        fulltext.CHAMPIONS_FROM = saved
    assert len((out / fulltext.CHAMPIONS_FILE).read_text("utf-8").splitlines()) > 20
    return out


def test_a_common_word_from_the_table_finds_exactly_what_a_search_finds(
    champion_store: Path, tmp_path: Path
) -> None:
    import shutil

    from index.search import fulltext
    from index.search.searcher import Searcher

    plain_store = tmp_path / "plain"
    shutil.copytree(champion_store, plain_store)
    (plain_store / fulltext.CHAMPIONS_FILE).unlink()
    with_table, without = Searcher(champion_store), Searcher(plain_store)
    try:
        table = fulltext.load_champions(champion_store / fulltext.CHAMPIONS_FILE)
        words = ["selvhjelp", "kommunen", "frivillige", "grupper", "organisasjoner"]
        assert table
        for word in words:
            a = with_table.search(word, limit=40).hits
            b = without.search(word, limit=40).hits
            assert [h.id for h in a] == [h.id for h in b], word
            assert all(abs(x.score - y.score) < 0.01 for x, y in zip(a, b, strict=True))
        # A word being typed: the table's merge finds the same best hits.
        for typed in ("selvh", "frivi", "kommu"):
            a = [h.id for h in with_table.search(typed, limit=10, prefix_last=True).hits]
            b = [h.id for h in without.search(typed, limit=10, prefix_last=True).hits]
            assert a[:3] == b[:3] and len(set(a) & set(b)) >= 7, typed
    finally:
        with_table.close()
        without.close()
