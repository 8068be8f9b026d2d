"""The content folder: the shipped content is valid, and each kind of breakage is reported
as file:line: what is wrong."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from index.content.loader import load_content
from index.errors import ContentError
from index.resources import content_dir, search_config_dir

FACTS = Path(__file__).resolve().parents[2] / "shared" / "facts" / "contacts.md"


def problems(folder: Path) -> list[str]:
    with pytest.raises(ContentError) as caught:
        load_content(folder, search_config_dir())
    return [p.message() for p in caught.value.problems]


def line_of(path: Path, text: str) -> int:
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if text in line:
            return number
    raise AssertionError(f"{text!r} not in {path}")


def replace(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, old
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def test_shipped_content_is_valid_and_complete() -> None:
    content = load_content(content_dir(), search_config_dir())
    assert len(content.articles) == 5
    assert {a.seed for a in content.articles} == {
        p.name for p in (Path(__file__).resolve().parents[2] / "shared" / "seeds").glob("*.txt")
    } or not FACTS.exists()
    assert len(content.checklists) == 4
    ids = {c.id for c in content.contacts}
    for needed in ("kirkens-sos", "mental-helse-hjelpetelefonen", "kors-pa-halsen", "leve",
                   "alarmtelefonen-barn-og-unge", "medisinsk-nodtelefon", "legevakt",
                   "selvhjelp-norge", "frivilligsentral", "frisklivssentral", "napha"):  # fmt: skip
        assert needed in ids
    assert all(s.text for a in content.articles for s in a.sections)


def test_no_extraction_damage_left_in_the_articles() -> None:
    # Editorial notes (block quotes) may name the damage they repaired; the text may not.
    text = " ".join(
        line
        for path in (content_dir() / "articles").glob("*.md")
        for line in path.read_text(encoding="utf-8").splitlines()
        if not line.startswith(">")
    )
    for damage in ("Se lvhjelp", " lilv", "20012", "Seoversikt", "sverdlapp", "distriktskontoer"):
        assert damage not in text


@pytest.mark.skipif(not FACTS.exists(), reason="the shared facts file is not beside the repo")
def test_every_allowed_number_is_in_the_facts_file() -> None:
    facts = re.sub(r"\s+", "", FACTS.read_text(encoding="utf-8"))
    listed = re.findall(r'number: "([^"]+)"', (content_dir() / "verified-numbers.yaml").read_text())
    assert listed
    for number in listed:
        assert re.sub(r"\s+", "", number) in facts, number


def test_unconfirmed_numbers_are_not_in_the_content() -> None:
    # The facts file marks these NOT CONFIRMED: they must stay out of the data.
    text = "".join(p.read_text(encoding="utf-8") for p in content_dir().rglob("*.*"))
    assert "23 33 19 00" not in text and "23331900" not in text


def test_missing_required_field(content_copy: Path) -> None:
    contacts = content_copy / "contacts.yaml"
    line = line_of(contacts, "name: Kirkens SOS")
    replace(contacts, "  name: Kirkens SOS\n", "")
    found = problems(content_copy)
    assert f"content/contacts.yaml:{line - 1}: mangler feltet «name»" in found


def test_unknown_category_names_the_line_and_the_allowed_values(content_copy: Path) -> None:
    contacts = content_copy / "contacts.yaml"
    line = line_of(contacts, "category: hjelpetelefon")
    replace(contacts, "category: hjelpetelefon", "category: hjelpelinje")
    (message,) = problems(content_copy)
    assert message.startswith(f"content/contacts.yaml:{line}: ukjent kategori «hjelpelinje»")
    assert "nødnummer" in message


def test_number_not_in_the_facts_is_an_error(content_copy: Path) -> None:
    contacts = content_copy / "contacts.yaml"
    line = line_of(contacts, '"22 40 00 40"')
    replace(contacts, '"22 40 00 40"', '"22 40 00 41"')
    assert problems(content_copy) == [
        f"content/contacts.yaml:{line}: nummeret «22 40 00 41» står ikke i verified-numbers.yaml"
    ]


def test_number_grouped_wrongly_is_an_error(content_copy: Path) -> None:
    replace(content_copy / "contacts.yaml", '"22 40 00 40"', '"22400040"')
    (message,) = problems(content_copy)
    assert "skriv nummeret gruppert slik det ringes: «22 40 00 40»" in message


def test_number_in_article_text_is_checked(content_copy: Path) -> None:
    article = content_copy / "articles" / "samarbeid-frivillige-organisasjoner.md"
    replace(article, "Hjelpetelefonen 116 123", "Hjelpetelefonen 116 124")
    line = line_of(article, "116 124")
    (message,) = problems(content_copy)
    assert message == (
        f"content/articles/samarbeid-frivillige-organisasjoner.md:{line}: "
        "nummeret «116 124» står ikke i verified-numbers.yaml"
    )


def test_duplicate_id_across_kinds(content_copy: Path) -> None:
    replace(content_copy / "contacts.yaml", "id: napha", "id: starte-selvhjelpsgruppe")
    found = problems(content_copy)
    assert (
        "content/checklists/starte-selvhjelpsgruppe.yaml:1: id «starte-selvhjelpsgruppe» "
        "er brukt før (kontakt i contacts.yaml)"
    ) in found


def test_yaml_syntax_error_gives_the_line(content_copy: Path) -> None:
    contacts = content_copy / "contacts.yaml"
    line = line_of(contacts, "name: Kirkens SOS")
    replace(contacts, "name: Kirkens SOS", "name: [Kirkens SOS")
    (message,) = problems(content_copy)
    assert message.startswith("content/contacts.yaml:")
    assert "ugyldig YAML" in message
    assert int(message.split(":")[1]) >= line


def test_duplicate_key_in_yaml(content_copy: Path) -> None:
    replace(
        content_copy / "contacts.yaml", "  name: Kirkens SOS\n", "  name: Kirkens SOS\n  name: X\n"
    )
    (message,) = problems(content_copy)
    assert "feltet «name» står to ganger" in message


def test_article_without_header(content_copy: Path) -> None:
    article = content_copy / "articles" / "hva-er-selvhjelp.md"
    article.write_text("Bare tekst\n", encoding="utf-8")
    assert problems(content_copy) == [
        "content/articles/hva-er-selvhjelp.md:1: "
        "filen skal begynne med et YAML-hode mellom to «---»"
    ]


def test_heading_without_anchor(content_copy: Path) -> None:
    article = content_copy / "articles" / "hva-er-selvhjelp.md"
    text = article.read_text(encoding="utf-8")
    heading = next(line for line in text.splitlines() if line.startswith("## "))
    replace(article, heading, heading.split(" {#")[0])
    line = line_of(article, heading.split(" {#")[0])
    assert (
        f"content/articles/hva-er-selvhjelp.md:{line}: overskriften mangler anker"
        in problems(content_copy)[0]
    )


def test_duplicate_anchor_and_missing_field_are_reported_together(content_copy: Path) -> None:
    article = content_copy / "articles" / "kommunal-handlingsplan-selvmord-selvskading.md"
    replace(article, "{#rvts-kan-bista}", "{#samordning-og-folkehelse}")
    replace(article, "\ntitle:", "\ntittel:")
    found = problems(content_copy)
    assert any("ankeret «samordning-og-folkehelse» er brukt før" in m for m in found)
    assert any("mangler feltet «title»" in m for m in found)
    assert any("ukjent felt «tittel»" in m for m in found)


def test_link_to_nothing(content_copy: Path) -> None:
    article = content_copy / "articles" / "samarbeid-frivillige-organisasjoner.md"
    replace(article, "(kontakt:unghjelp)", "(kontakt:finnes-ikke)")
    found = problems(content_copy)
    assert any("lenken «kontakt:finnes-ikke» peker på noe som ikke finnes" in m for m in found)
    assert all(
        m.startswith("content/articles/samarbeid-frivillige-organisasjoner.md:") for m in found
    )


def test_checklist_item_pointing_at_a_missing_section(content_copy: Path) -> None:
    checklist = content_copy / "checklists" / "starte-selvhjelpsgruppe.yaml"
    text = checklist.read_text(encoding="utf-8")
    source = re.search(r"source: (\S+#\S+)", text)
    assert source
    line = line_of(checklist, source.group(0))
    replace(checklist, source.group(0), "source: samarbeid-om-selvorganisert-selvhjelp#borte")
    (message,) = problems(content_copy)
    assert message.startswith(f"content/checklists/starte-selvhjelpsgruppe.yaml:{line}: punktet")
    assert "som ikke er et avsnitt" in message


def test_bad_opening_hours_and_date(content_copy: Path) -> None:
    contacts = content_copy / "contacts.yaml"
    replace(contacts, "hours: døgnåpen", "hours: hele tiden")
    replace(contacts, "verified: 2026-11-22", "verified: i går")
    found = problems(content_copy)
    assert any("kan ikke lese åpningstiden «hele tiden»" in m for m in found)
    assert any("feltet «verified» skal være en dato" in m for m in found)


def test_files_saved_with_a_byte_order_mark_load_as_they_are(content_copy: Path) -> None:
    # Windows Notepad used to put one at the start of every UTF-8 file it saved.
    for path in [*content_copy.glob("articles/*.md"), content_copy / "contacts.yaml"]:
        path.write_bytes(b"\xef\xbb\xbf" + path.read_bytes())
    with_marks = load_content(content_copy, search_config_dir())
    plain = load_content(content_dir(), search_config_dir())
    assert with_marks.articles == plain.articles and with_marks.contacts == plain.contacts


def test_file_that_is_not_utf8(content_copy: Path) -> None:
    (content_copy / "checklists" / "starte-selvhjelpsgruppe.yaml").write_bytes(
        "id: starte-selvhjelpsgruppe\ntitle: Bl\u00e5\n".encode("latin-1")
    )
    found = problems(content_copy)
    assert (
        "content/checklists/starte-selvhjelpsgruppe.yaml:1: filen er ikke lagret som UTF-8" in found
    )


def test_missing_content_folder(tmp_path: Path) -> None:
    (message,) = problems(tmp_path / "nowhere")
    assert message.endswith("innholdsmappen finnes ikke")
