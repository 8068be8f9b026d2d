"""`handbok self-test`: proves on the machine itself that the program works end to end, for
IT after installing and for the build's smoke test: the content opens, search finds what it
must, user data can be written, and a handout renders offscreen to a real PDF."""

from __future__ import annotations

import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from desktop.i18n import tr, translate
from index.errors import HandbokError
from index.handbook import Handbook

# Queries whose first hit is known: the search works if these come back.
PROBES = (("kirkens sos", "kirkens-sos"), ("selvhjelpsgrupe", "starte-selvhjelpsgruppe"))


def run_self_test(handbook: Handbook, data_dir: Path) -> int:
    checks: list[tuple[str, Callable[[], str]]] = [
        (tr("Innhold"), lambda: _content(handbook)),
        (tr("Søk"), lambda: _search(handbook)),
        (tr("Brukerdata"), lambda: _userdata(data_dir)),
        (tr("Utskrift"), lambda: _handout(handbook)),
    ]
    failed = 0
    for name, check in checks:
        started = time.perf_counter()
        try:
            detail = check()
            verdict = tr("OK")
        except HandbokError as error:
            detail, verdict, failed = error.message(translate), tr("FEIL"), failed + 1
        except Exception as error:  # a self-test reports every fault as a line, not a crash
            detail, verdict, failed = f"{type(error).__name__}: {error}", tr("FEIL"), failed + 1
        ms = (time.perf_counter() - started) * 1000
        print(f"{verdict:5} {name}: {detail} ({ms:.0f} ms)")
    if failed:
        print(tr("Selvtesten fant {count} feil.").format(count=failed), file=sys.stderr)
        return 1
    print(tr("Selvtesten er bestått."))
    return 0


def _content(handbook: Handbook) -> str:
    store = handbook.store
    articles, contacts = store.articles(), store.contacts()
    if not articles or not contacts:
        raise RuntimeError(tr("innholdet er tomt"))
    return tr("{articles} artikler, {contacts} kontakter, versjon {hash}").format(
        articles=len(articles), contacts=len(contacts), hash=(store.meta("content_hash") or "")[:10]
    )


def _search(handbook: Handbook) -> str:
    for text, expected in PROBES:
        hits = handbook.searcher.search(text, limit=3).hits
        if not hits or hits[0].id != expected:
            raise RuntimeError(tr("«{text}» fant ikke «{id}»").format(text=text, id=expected))
    return tr("{count} kontrollsøk ga riktig svar").format(count=len(PROBES))


def _userdata(data_dir: Path) -> str:
    from index.userdata.store import UserData

    with UserData.open(data_dir) as data:
        data.settings.set("selftest.last", time.strftime("%Y-%m-%d %H:%M:%S"))
        return tr("kan skrive i {folder}").format(folder=data.path.parent)


def _handout(handbook: Handbook) -> str:
    from desktop.documents.pdf import render_handout_pdf
    from index.handout import Handout

    template = handbook.store.handouts()[0]
    with tempfile.TemporaryDirectory() as folder:
        out = Path(folder) / "selvtest.pdf"
        pages = render_handout_pdf(Handout.from_template(template), handbook.store, out)
        size = out.stat().st_size
        head = out.read_bytes()[:5]
    if pages < 1 or head != b"%PDF-" or size < 1000:
        raise RuntimeError(tr("PDF-en ble ikke laget riktig"))
    return tr("«{title}»: {pages} sider, {kb} kB PDF").format(
        title=template.title, pages=pages, kb=size // 1024
    )
