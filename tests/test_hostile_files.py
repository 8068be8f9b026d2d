"""Files crafted to hurt, each through the real reader it targets: YAML bombs and oversized
kommune.yaml, SVG and disguised logos, crafted SQLite user files (a hanging view, triggers,
impossible versions, bad values), hostile packs (Windows device names, terminal escapes, an
old version), Markdown images, and CSV files that lose zeros, hold NUL bytes or are too long.
Each must end in a sentence and a program that keeps working, never a hang or a crash."""

from __future__ import annotations

import json
import os
import sqlite3
import subprocess
import sys
import textwrap
import zipfile
from datetime import date
from pathlib import Path

import pytest

from index.content.loader import load_content
from index.content.model import Channel, Contact
from index.errors import ContentError, DeploymentError, HandbokError, PackError
from index.local.csvfile import MAX_ROWS, import_csv, read_csv
from index.local.deployment import load_deployment
from index.local.draft import ChannelDraft, ContactDraft, check_contact
from index.local.store import LocalStore
from index.packs import install as packs
from index.packs.safety import read_pack, windows_can_hold
from index.userdata.store import UserData
from tests.spies import FileSpy

ROOT = Path(__file__).resolve().parents[1]


def run(code: str, timeout: float = 60, **env: str) -> subprocess.CompletedProcess[str]:
    """Python code in a process of its own: a hang is a timeout, not a stuck test run."""
    return subprocess.run(
        [sys.executable, "-c", textwrap.dedent(code)],
        capture_output=True, text=True, timeout=timeout, cwd=ROOT,
        env={**os.environ, "PYTHONPATH": str(ROOT), **env},
    )  # fmt: skip


# --- kommune.yaml ------------------------------------------------------------------------------


def billion_laughs() -> str:
    lines = ['a: &a ["ha", "ha", "ha", "ha", "ha", "ha", "ha", "ha", "ha"]']
    for n, name in enumerate("bcdefghij"):
        previous = "abcdefghij"[n]
        lines.append(f"{name}: &{name} [" + ", ".join([f"*{previous}"] * 9) + "]")
    return "\n".join(lines) + "\nmunicipality: *j\n"


def test_a_yaml_bomb_is_refused_at_once_with_its_line(tmp_path: Path) -> None:
    path = tmp_path / "kommune.yaml"
    path.write_text(billion_laughs(), encoding="utf-8")
    assert len(path.read_bytes()) < 2500
    result = run(
        f"""
        import time
        from index.local.deployment import load_deployment
        from index.errors import DeploymentError
        started = time.monotonic()
        try:
            load_deployment({str(path)!r})
        except DeploymentError as error:
            print(round(time.monotonic() - started, 2), error.message())
        """,
        timeout=30,
    )
    assert result.returncode == 0, result.stderr
    seconds, sentence = result.stdout.split(" ", 1)
    assert float(seconds) < 2
    assert "kommune.yaml:2: ugyldig YAML" in sentence and "alias" in sentence


def test_a_yaml_alias_in_content_is_refused_too(content_copy: Path) -> None:
    path = content_copy / "checklists" / "starte-selvhjelpsgruppe.yaml"
    path.write_text("x: &x 1\ny: *x\n" + path.read_text(encoding="utf-8"), encoding="utf-8")
    with pytest.raises(ContentError) as caught:
        load_content(content_copy)
    assert "YAML-alias" in caught.value.message()


def test_a_kommune_yaml_over_two_megabytes_is_not_read(tmp_path: Path) -> None:
    path = tmp_path / "kommune.yaml"
    path.write_text("municipality: Testby\n# " + "x" * (2 * 1024 * 1024) + "\n", encoding="utf-8")
    with pytest.raises(DeploymentError) as caught:
        load_deployment(path)
    assert caught.value.message().endswith(
        "kommune.yaml:1: filen er for stor (over 2 MB); den blir ikke lest"
    )


def _svg(spy: Path) -> str:
    return (
        '<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" '
        f'width="10" height="10"><image xlink:href="file://{spy}" width="10" height="10"/></svg>'
    )


@pytest.mark.parametrize(
    ("name", "reason"), [("logo.svg", "ikke SVG"), ("logo.png", "er ikke et bilde")]
)
def test_an_svg_logo_is_refused_even_when_it_calls_itself_png(
    tmp_path: Path, name: str, reason: str
) -> None:
    spies = tmp_path / "spies"
    spies.mkdir()
    (spies / "hemmelig.png").write_bytes(b"\x89PNG\r\n\x1a\n")
    (tmp_path / name).write_text(_svg(spies / "hemmelig.png"), encoding="utf-8")
    (tmp_path / "kommune.yaml").write_text(
        f"municipality: Testby\nlogo: {name}\n", encoding="utf-8"
    )
    spy = FileSpy(spies)
    try:
        with pytest.raises(DeploymentError) as caught:
            load_deployment(tmp_path / "kommune.yaml")
        assert spy.opened() == []
    finally:
        spy.close()
    assert "kommune.yaml:2:" in caught.value.message() and reason in caught.value.message()


def test_a_real_png_logo_is_taken(tmp_path: Path) -> None:
    from PySide6.QtGui import QImage

    image = QImage(4, 2, QImage.Format.Format_ARGB32)
    image.fill(0xFF336699)
    assert image.save(str(tmp_path / "logo.png"))
    (tmp_path / "kommune.yaml").write_text(
        "municipality: Testby\nlogo: logo.png\n", encoding="utf-8"
    )
    assert load_deployment(tmp_path / "kommune.yaml").logo == (tmp_path / "logo.png").resolve()


# --- crafted user files ------------------------------------------------------------------------


def _userdata_file(folder: Path, *statements: str, version: int | None = None) -> Path:
    """A real userdata file made by the program, then changed with ``statements``."""
    UserData.open(folder).close()
    path = folder / "userdata.sqlite3"
    conn = sqlite3.connect(path)
    for sql in statements:
        conn.execute(sql)
    if version is not None:
        conn.execute(f"PRAGMA user_version = {version}")
    conn.commit()
    conn.close()
    return path


ENDLESS = (
    "CREATE VIEW history AS WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n) "
    "SELECT i AS id, 'x' AS target, 'article' AS kind, 'x' AS title, "
    "'2026-01-01T00:00:00+00:00' AS opened FROM n"
)


def test_a_history_view_that_never_ends_does_not_hang_the_start(tmp_path: Path) -> None:
    folder = tmp_path / "data"
    _userdata_file(folder, "DROP TABLE history", ENDLESS)
    # The program's own start: open the user data, list the history for the side panel.
    result = run(
        f"""
        from desktop.app import open_userdata
        from pathlib import Path
        data, notice = open_userdata(Path({str(folder)!r}))
        print(len(data.history.list(100)), notice)
        """,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    count, notice = result.stdout.split(" ", 1)
    assert count == "0"
    assert "var skadet" in notice and "userdata.sqlite3.damaged-" in notice
    assert any(p.name.startswith("userdata.sqlite3.damaged-") for p in folder.iterdir())


@pytest.mark.parametrize(
    "statements",
    [
        pytest.param(
            ("CREATE TRIGGER spy AFTER INSERT ON bookmarks BEGIN "
             "INSERT INTO settings VALUES ('stjålet', NEW.target); END",),
            id="trigger",
        ),
        pytest.param(("CREATE VIEW extra AS SELECT 1",), id="view"),
        pytest.param(("DROP TABLE settings",
                      "CREATE VIEW settings AS SELECT 'k' AS key, 'v' AS value"),
                     id="view-of-a-table"),
        pytest.param(("DROP TABLE bookmarks", "CREATE TABLE bookmarks (target TEXT)"),
                     id="missing-columns"),
        pytest.param(("DROP TABLE run_items",), id="missing-table"),
    ],
)  # fmt: skip
def test_a_crafted_schema_is_moved_aside_like_a_damaged_file(
    tmp_path: Path, statements: tuple[str, ...]
) -> None:
    folder = tmp_path / "data"
    _userdata_file(folder, *statements)
    with UserData.open(folder) as data:
        assert data.notice is not None and "var skadet" in data.notice.message()
        data.bookmarks.add("kirkens-sos", "contact", "Kirkens SOS")
        assert [b.target for b in data.bookmarks.list()] == ["kirkens-sos"]
        assert data.settings.get("stjålet") is None
    with UserData.open(folder) as again:  # and the next start is a normal one
        assert again.notice is None


@pytest.mark.parametrize("version", [0, -1, -7])
def test_an_impossible_version_does_not_lock_the_file_out(tmp_path: Path, version: int) -> None:
    folder = tmp_path / "data"
    _userdata_file(folder, version=version)
    with UserData.open(folder) as data:
        assert data.notice is not None
        data.settings.set("a", "b")
    with UserData.open(folder) as again:
        assert again.notice is None and again.settings.get("a") == "b"


def test_a_bad_value_hides_only_its_own_row(tmp_path: Path) -> None:
    folder = tmp_path / "data"
    with UserData.open(folder) as data:
        for target in ("a", "b", "c"):
            data.bookmarks.add(target, "article", target.upper())
        data.history.record("a", "article", "A")
        data.history.record("b", "article", "B")
        run_ = data.runs.create("starte-selvhjelpsgruppe", "Gruppe")
        data.runs.set_ticked(run_.id, "x", True)
        data.runs.set_ticked(run_.id, "y", True)
    conn = sqlite3.connect(folder / "userdata.sqlite3")
    conn.execute("UPDATE bookmarks SET created = 'i går' WHERE target = 'b'")
    conn.execute("UPDATE bookmarks SET kind = 'virus' WHERE target = 'c'")
    conn.execute("UPDATE history SET title = X'4142' WHERE target = 'a'")  # a blob, not text
    conn.execute("UPDATE run_items SET ticked = 7 WHERE item_id = 'y'")
    conn.commit()
    conn.close()
    with UserData.open(folder) as data:
        assert data.notice is None  # the schema is sound; only values are wrong
        assert [b.target for b in data.bookmarks.list()] == ["a"]
        assert [h.target for h in data.history.list()] == ["b"]
        assert list(data.runs.state(run_.id)) == ["x"]
        assert data.bookmarks.get("b") is None
        with pytest.raises(HandbokError):  # what cannot be read back is a sentence, not a crash
            data.bookmarks.update_note("b", "notat")


def test_a_bad_local_contact_hides_only_itself(tmp_path: Path) -> None:
    good = ContactDraft(name="Frivilligsentralen", category="organisasjon")
    with LocalStore.open(tmp_path) as store:
        store.contacts.add(good)
        store.contacts.add(ContactDraft(name="Andre", category="organisasjon"))
        store.contacts.add(ContactDraft(name="Tredje", category="organisasjon"))
    conn = sqlite3.connect(tmp_path / "lokalt.sqlite3")
    conn.execute("UPDATE contacts SET channels = '{ikke json' WHERE name = 'Andre'")
    # A crafted id that would stand in for a national contact (and its verified number).
    conn.execute("UPDATE contacts SET id = 'kirkens-sos' WHERE name = 'Tredje'")
    conn.commit()
    conn.close()
    with LocalStore.open(tmp_path) as store:
        assert [c.name for c in store.contacts.list()] == ["Frivilligsentralen"]
        assert store.contacts.get("kirkens-sos") is None
        # An import still works, and gives no new contact an id a hidden row holds.
        outcomes = store.contacts.merge([("", ContactDraft(name="Ny", category="organisasjon"))])
        assert outcomes[0][0] == "added"


# --- content packs -----------------------------------------------------------------------------


def _zip(path: Path, *names: str) -> Path:
    with zipfile.ZipFile(path, "w") as zf:
        for name in names:
            zf.writestr(name, "x")
    return path


@pytest.mark.parametrize(
    "name", ["con.md", "nul.md", "aux.md", "com1.md", "lpt1.md", "CON.yaml", "prn", "conin$.md"]
)
def test_windows_device_names_are_refused(tmp_path: Path, name: str) -> None:
    pack = _zip(tmp_path / "p.zip", f"content/articles/{name}")
    with pytest.raises(PackError) as caught:
        read_pack(pack)
    assert caught.value.reason == "windows-name"
    assert "Windows ikke kan bruke" in caught.value.message()


def test_ordinary_names_are_not_taken_for_devices() -> None:
    for name in ("content/articles/console.md", "content/contacts.yaml", "content/nuler.md"):
        assert windows_can_hold(name)


def test_a_terminal_escape_in_a_pack_name_never_reaches_the_terminal(tmp_path: Path) -> None:
    pack = _zip(tmp_path / "p.zip", "content/\x1b]0;hacked\x07\x1b[2J\x9b31m.md")
    result = subprocess.run(
        [sys.executable, "-m", "desktop.cli", "pack", "verify", str(pack)],
        capture_output=True, timeout=120, cwd=ROOT,
        env={**os.environ, "HANDBOK_LANG": "nb", "PYTHONPATH": str(ROOT)},
    )  # fmt: skip
    assert result.returncode == 2
    err = result.stderr.decode("utf-8")
    assert "ugyldig navn" in err
    assert not any((ord(c) < 32 and c not in "\n\t") or 0x7F <= ord(c) <= 0x9F for c in err)
    assert "\\x1b]0;hacked" in err  # shown, written out, for whoever reads it


def test_a_pack_older_than_the_shipped_content_is_refused(
    content_copy: Path, tmp_path: Path
) -> None:
    shipped = packs.shipped_version()
    assert shipped is not None and packs.version_in_use(tmp_path / "stores") == shipped
    packs.generate_keypair(tmp_path / "k.pem", tmp_path / "k.pub")
    key = packs.load_public_key(tmp_path / "k.pub")
    old = tmp_path / "old.zip"
    packs.make_pack(content_copy, tmp_path / "k.pem", old, version="0.1", changelog="")
    from index.resources import search_config_dir

    with pytest.raises(PackError) as caught:
        packs.import_pack(
            old, [key], tmp_path / "stores", search_dir=search_config_dir(),
            installed_version=packs.version_in_use(tmp_path / "stores"),
        )  # fmt: skip
    assert caught.value.reason == "not-newer" and shipped in caught.value.message()


# --- Markdown ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "image", ["![x](/dev/zero)", "![x](bilde.png)", "![x](\\\\server\\share\\a.png)",
              "[![x](file.png)](https://selvhjelp.no)"],
)  # fmt: skip
def test_an_image_in_an_article_is_refused_with_its_line(content_copy: Path, image: str) -> None:
    path = content_copy / "articles" / "hva-er-selvhjelp.md"
    path.write_text(path.read_text(encoding="utf-8") + f"\n{image}\n", encoding="utf-8")
    with pytest.raises(ContentError) as caught:
        load_content(content_copy)
    assert "articles/hva-er-selvhjelp.md:" in caught.value.message()
    assert "innholdet kan ikke ha bilder" in caught.value.message()


def test_an_image_is_never_rendered_as_one() -> None:
    from index.content.markdown import to_html

    assert "<img" not in to_html("Se ![et bilde](/dev/zero) her")
    assert "et bilde" in to_html("Se ![et bilde](/dev/zero) her")


def test_a_national_contact_cannot_pass_for_a_local_one(content_copy: Path) -> None:
    path = content_copy / "contacts.yaml"
    path.write_text(
        path.read_text(encoding="utf-8").replace("- id: unghjelp", "- id: lokal-unghjelp"),
        encoding="utf-8",
    )
    with pytest.raises(ContentError) as caught:
        load_content(content_copy)
    assert "kan ikke begynne med «lokal-»" in caught.value.message()


# --- contacts ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "value", ["javascript:alert(1)//x.no", "javascript:…/://", "smb://server/share", "smb:x.no/a",
              "file:///etc/passwd", "x.no\\..\\y"],
)  # fmt: skip
def test_web_and_chat_values_are_host_names_only(value: str) -> None:
    for kind in ("nett", "chat"):
        errors = check_contact(
            ContactDraft(name="X", category="organisasjon", channels=(ChannelDraft(kind, value),))
        )
        assert [e.field for e in errors] == ["value"]


def test_a_qr_code_and_a_printed_address_only_for_http(tmp_path: Path) -> None:
    from index.handout import web_addresses

    contact = Contact(
        id="lokal-x", name="X", category="organisasjon", audience=(), description="",
        source="", verified=date(2026, 1, 1),
        channels=(Channel("nett", "selvhjelp.no"), Channel("chat", "javascript:alert(1)//x.no"),
                  Channel("nett", "smb://server/share")),
    )  # fmt: skip
    assert web_addresses(contact) == ["selvhjelp.no"]


def test_a_local_help_line_never_reaches_the_red_strip() -> None:
    from desktop.windows.emergency import strip_contacts
    from index.content.hours import parse_hours

    local = Contact(
        id="lokal-krisetelefon", name="Krisetelefon", category="hjelpetelefon", audience=(),
        description="", source="", verified=date(2026, 1, 1), hours=parse_hours("døgnåpen"),
        channels=(Channel("telefon", "62 00 00 01"),),  # fictional: tests only
    )  # fmt: skip
    national = Contact(
        id="kirkens-sos", name="Kirkens SOS", category="hjelpetelefon", audience=(),
        description="", source="", verified=date(2026, 1, 1), hours=parse_hours("døgnåpen"),
        channels=(Channel("telefon", "22 40 00 40"),),
    )  # fmt: skip
    assert strip_contacts([national, local]) == [national]


HEADER = "Navn;Kategori;Telefon\r\n"


def _csv(tmp_path: Path, *rows: str) -> Path:
    path = tmp_path / "k.csv"
    path.write_text(HEADER + "".join(r + "\r\n" for r in rows), encoding="utf-8")
    return path


def test_a_phone_number_that_lost_its_leading_zero_is_noticed(tmp_path: Path) -> None:
    with LocalStore.open(tmp_path / "data") as store:
        first = import_csv(store, _csv(tmp_path, "Taxi;organisasjon;02400"))
        assert (first.added, first.errors) == (1, [])
        # As Excel saves the export again: the cell became the number 2400.
        again = import_csv(store, _csv(tmp_path, "Taxi;organisasjon;2400"))
        assert again.added == again.updated == 0
        [(row, sentence)] = again.errors
        assert row == 2 and "nullen foran" in sentence and "02400" in sentence
        assert store.contacts.list()[0].channels[0].value == "02400"  # kept as it was


def test_nul_and_other_control_characters_are_refused_in_a_row(tmp_path: Path) -> None:
    with LocalStore.open(tmp_path / "data") as store:
        report = import_csv(
            store, _csv(tmp_path, "Null\x00byte;organisasjon;", "Ok;organisasjon;",
                        "Esc\x1b[31m;organisasjon;")
        )  # fmt: skip
        assert report.added == 1
        assert [row for row, _ in report.errors] == [2, 4]
        assert all("kontrolltegn" in sentence for _, sentence in report.errors)
        assert [c.name for c in store.contacts.list()] == ["Ok"]


def test_a_csv_file_with_too_many_rows_is_refused_whole(tmp_path: Path) -> None:
    path = tmp_path / "k.csv"
    path.write_text(HEADER + "x;organisasjon;\r\n" * (MAX_ROWS + 1), encoding="utf-8")
    with pytest.raises(HandbokError) as caught:
        read_csv(path)
    assert "mer enn 200000 rader" in caught.value.message()
    assert getattr(caught.value, "bad_input", False)


def test_an_unusable_csv_file_exits_2_as_readme_says(store_dir: Path, tmp_path: Path) -> None:
    env = {
        **os.environ, "HANDBOK_DATA_DIR": str(tmp_path / "data"), "HANDBOK_LANG": "nb",
        "HANDBOK_STORE": str(store_dir), "HANDBOK_KOMMUNE_DIR": str(tmp_path / "ingen"),
        "PYTHONPATH": str(ROOT),
    }  # fmt: skip
    not_a_list = tmp_path / "bilde.csv"
    not_a_list.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)))
    missing = tmp_path / "finnes-ikke.csv"
    for path in (not_a_list, missing):
        result = subprocess.run(
            [sys.executable, "-m", "desktop.cli", "contacts", "import", str(path)],
            capture_output=True, text=True, timeout=120, env=env, cwd=ROOT,
        )  # fmt: skip
        assert result.returncode == 2, result.stderr
        assert result.stderr.startswith("handbok: ") and "Traceback" not in result.stderr


def test_the_bookmark_version_is_quoted_as_text(tmp_path: Path) -> None:
    from index.userdata.bookmarkfile import read_bookmark_file

    path = tmp_path / "b.json"
    path.write_text(
        json.dumps({"format": "handbok-bokmerker", "version": "<img src=/dev/zero>\x1b"}),
        encoding="utf-8",
    )
    with pytest.raises(HandbokError) as caught:
        read_bookmark_file(path)
    assert "<img src=/dev/zero>" in caught.value.message()
    assert "\x1b" not in caught.value.message()
