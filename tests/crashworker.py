"""The processes the crash test kills: each saves what a nurse saves, as fast as it can, and
reports each save once the store has returned from it.

    python -m tests.crashworker FOLDER

is a small fork server: for each line "R" on stdin it forks a worker for round R and prints
"pid R PID"; the worker prints "ack R KIND N" after each save; when the worker has ended the
server prints "end R STATUS". All lines go to one pipe, and each is a single write shorter than
PIPE_BUF, so a kill lands before or after a report, never inside one. Forking from a process
that has loaded the stores already starts a worker in a millisecond; starting 200 Pythons (or
multiprocessing children, which import pytest again) would take most of a minute.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

from index.local.draft import ChannelDraft, ContactDraft
from index.local.store import LocalStore
from index.userdata.store import UserData

BOOKMARK, TICK, CONTACT = "bookmark", "tick", "contact"
CHECKLIST = "krasjtest"
KINDS = (BOOKMARK, TICK, CONTACT)


def bookmark_target(round_no: int, n: int) -> str:
    return f"r{round_no}-{n}"


def contact_name(round_no: int, n: int) -> str:
    return f"Kontakt {round_no} {n}"


def run_name(round_no: int) -> str:
    return f"Runde {round_no}"


def report(line: str) -> None:
    os.write(1, f"{line}\n".encode())  # one unbuffered write: atomic on a pipe


def write_until_killed(folder: Path, round_no: int) -> None:
    """Reports "run ID" once its checklist run exists, then "KIND N" after each save."""
    data = UserData.open(folder)
    local = LocalStore.open(folder)
    run = data.runs.create(CHECKLIST, run_name(round_no))
    report(f"ack {round_no} run {run.id}")
    n = 0
    while True:
        kind = KINDS[n % len(KINDS)]
        if kind == BOOKMARK:
            data.bookmarks.add(bookmark_target(round_no, n), "article", "Artikkel", f"notat {n}")
        elif kind == TICK:
            data.runs.set_ticked(run.id, f"punkt-{n}", True)
        else:
            local.contacts.add(
                ContactDraft(
                    name=contact_name(round_no, n),
                    category="kommunal-tjeneste",
                    channels=(ChannelDraft("nett", "www.example.invalid"),),
                )
            )
        report(f"ack {round_no} {kind} {n}")
        n += 1


def serve(folder: Path) -> None:
    for line in sys.stdin:
        round_no = int(line)
        pid = os.fork()
        if pid == 0:  # the worker
            try:
                write_until_killed(folder, round_no)
            finally:
                os._exit(1)  # it should have been killed, not have ended
        report(f"pid {round_no} {pid}")
        _, status = os.waitpid(pid, 0)
        report(f"end {round_no} {status}")


if __name__ == "__main__":
    serve(Path(sys.argv[1]))
