"""Articles: one Markdown file each, with front matter, split into sections at ``##``."""

from __future__ import annotations

import re
from pathlib import Path

from index.content import markdown, yamlsrc
from index.content.fields import (
    PHONE,
    SLUG,
    Problems,
    check_id,
    check_number,
    date_field,
    read_yaml,
    string_list,
    text_field,
)
from index.content.model import (
    Article,
    Section,
)
from index.i18n import QT_TRANSLATE_NOOP

HEADING = re.compile(r"^##\s+(?P<title>.*?)\s*(?:\{#(?P<anchor>[^}]*)\})?\s*$")
INTRO_ANCHOR = "innledning"
LINK_SCHEMES = ("kontakt:", "artikkel:", "sjekkliste:", "https://", "http://", "mailto:")


def load_article(path: Path, numbers: dict[str, str], problems: Problems) -> Article | None:
    # Links into a file that cannot be read are not reported again (see _check_references).
    problems.lines.setdefault(path.stem, 1)
    try:
        text = path.read_text(encoding="utf-8-sig")
    except UnicodeDecodeError:
        problems.add(path, 1, QT_TRANSLATE_NOOP("Handbok", "filen er ikke lagret som UTF-8"))
        return None
    except OSError as error:  # a folder named *.md, no permission to read: as read_yaml says
        problems.add(
            path,
            1,
            QT_TRANSLATE_NOOP("Handbok", "kan ikke lese filen ({reason})"),
            reason=error.strerror,
        )
        return None
    lines = text.splitlines()
    if not lines or lines[0].strip() != "---":
        problems.add(
            path,
            1,
            QT_TRANSLATE_NOOP("Handbok", "filen skal begynne med et YAML-hode mellom to «---»"),
        )
        return None
    end = next((i for i in range(1, len(lines)) if lines[i].strip() == "---"), None)
    if end is None:
        problems.add(
            path, 1, QT_TRANSLATE_NOOP("Handbok", "YAML-hodet er ikke avsluttet med «---»")
        )
        return None
    header = read_yaml(path, problems, offset=1, text="\n".join(lines[1:end]))
    if header is None:
        return None
    if not isinstance(header, yamlsrc.LineDict):
        problems.add(
            path,
            2,
            QT_TRANSLATE_NOOP("Handbok", "YAML-hodet skal være felt med verdier (nøkkel: verdi)"),
        )
        return None
    before = len(problems.items)
    ident = check_id(header, path, problems, offset=1)
    problems.lines[ident] = header.line_of("id") + 1
    fields = {
        key: text_field(header, key, path, problems, offset=1)
        for key in ("title", "publisher", "source", "summary")
    }
    optional = {
        key: text_field(header, key, path, problems, required=False, offset=1)
        for key in ("publisher_note", "author", "seed")
    }
    updated = date_field(header, "updated", path, problems, offset=1)
    keywords = string_list(header, "keywords", path, problems, offset=1)
    unknown = set(header) - {"id", "updated", "keywords", *fields, *optional}
    for key in sorted(unknown):
        problems.add(
            path,
            header.line_of(key) + 1,
            QT_TRANSLATE_NOOP("Handbok", "ukjent felt «{key}» i hodet"),
            key=key,
        )
    sections = _sections(path, ident, fields["title"], lines, end + 1, numbers, problems)
    if len(problems.items) > before:
        return None
    return Article(
        id=ident,
        sections=tuple(sections),
        updated=updated,
        keywords=keywords,
        title=fields["title"],
        publisher=fields["publisher"],
        source=fields["source"],
        summary=fields["summary"],
        publisher_note=optional["publisher_note"],
        author=optional["author"],
        seed=optional["seed"],
    )


def _sections(
    path: Path,
    article_id: str,
    title: str,
    lines: list[str],
    start: int,
    numbers: dict[str, str],
    problems: Problems,
) -> list[Section]:
    """Split the body at level-2 headings; text before the first one is the introduction."""
    chunks: list[tuple[int, str, str, list[str]]] = [(start + 1, INTRO_ANCHOR, title, [])]
    fenced = False
    for index in range(start, len(lines)):
        line, number = lines[index], index + 1
        if line.lstrip().startswith(("```", "~~~")):
            fenced = not fenced
        match = None if fenced else HEADING.match(line)
        if match:
            anchor = match["anchor"]
            if anchor is None:
                problems.add(
                    path,
                    number,
                    QT_TRANSLATE_NOOP(
                        "Handbok", "overskriften mangler anker, skriv «## Tittel {{#anker}}»"
                    ),
                )
            elif not SLUG.match(anchor):
                problems.add(
                    path,
                    number,
                    QT_TRANSLATE_NOOP(
                        "Handbok",
                        "ankeret «{anchor}» kan bare ha små bokstaver a-z, sifre og bindestrek",
                    ),
                    anchor=anchor,
                )
            chunks.append((number, anchor or f"linje-{number}", match["title"], []))
            continue
        if not fenced and re.match(r"^#\s", line):
            problems.add(
                path,
                number,
                QT_TRANSLATE_NOOP("Handbok", "bruk «##» for avsnitt; tittelen står i hodet"),
            )
        for found in PHONE.finditer(line):
            check_number(found.group(), numbers, path, number, problems)
        chunks[-1][3].append(line)

    sections: list[Section] = []
    seen: set[str] = set()
    for number, anchor, heading, body in chunks:
        source = "\n".join(body).strip()
        if anchor == INTRO_ANCHOR and number == start + 1 and not source:
            continue  # no introduction: fine
        if anchor in seen:
            problems.add(
                path,
                number,
                QT_TRANSLATE_NOOP("Handbok", "ankeret «{anchor}» er brukt før i artikkelen"),
                anchor=anchor,
            )
        seen.add(anchor)
        if not source:
            problems.add(
                path,
                number,
                QT_TRANSLATE_NOOP("Handbok", "avsnittet «{heading}» er tomt"),
                heading=heading,
            )
        for target in markdown.link_targets(source):
            if not target.startswith(LINK_SCHEMES):
                problems.add(
                    path,
                    number,
                    QT_TRANSLATE_NOOP(
                        "Handbok",
                        "lenken «{target}» skal begynne med https://, kontakt:, artikkel: "
                        "eller sjekkliste:",
                    ),
                    target=target,
                )
        for target in markdown.image_targets(source):
            # The content has no images, so every one is a mistake, or a file that is not the
            # content's own (a local path, a UNC share) that reading the text would open.
            problems.add(
                path,
                number,
                QT_TRANSLATE_NOOP(
                    "Handbok",
                    "bildet «{target}» kan ikke brukes: innholdet kan ikke ha bilder; "
                    "skriv en lenke i stedet, som [tekst](https://...)",
                ),
                target=target,
            )
        problems.lines[f"{article_id}#{anchor}"] = number
        sections.append(
            Section(
                id=f"{article_id}#{anchor}",
                article_id=article_id,
                anchor=anchor,
                heading=heading,
                position=len(sections),
                markdown=source,
                text=markdown.to_plain(source),
            )
        )
    return sections
