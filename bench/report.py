"""`make bench`: every benchmark in one run, and one table of the figures against the bars of
docs/architecture.md.

    python bench/report.py [search_bench.py options, e.g. --articles 1000 for a quick run]

Runs search_bench.py (the shipped content, then the synthetic corpus beside SQLite FTS5: about
4 minutes for 10,000 articles), startup_bench.py (under Xvfb), handout_bench.py and
memory_bench.py one after another, each in its own process; their tables go to
bench/out/<name>.txt, their progress to stderr. Then it reads their JSON files and prints one
table (measure, figure, bar, verdict) with the machine and the date, and writes it to
bench/out/report.json and, ready for README, bench/out/report.md.

Exits 1 when a benchmark failed; a missed bar is a figure to report, not a failure.
"""

from __future__ import annotations

import ctypes
import math
import os
import platform
import resource
import subprocess
import sys
import time
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

from common import (
    FIRST_WINDOW_RATIO,
    FIRST_WINDOW_S,
    HANDOUT_MS,
    OUT,
    ROOT,
    SEARCH_CORPUS_ARTICLES,
    SEARCH_CORPUS_P95_MS,
    SEARCH_FTS5_RATIO,
    SEARCH_SHIPPED_P95_MS,
    code_version,
    read_json,
    write_json,
)
from startup_bench import missing_tools

BENCH = ROOT / "bench"
NONE = "—"
PR_SET_CHILD_SUBREAPER = 36  # linux/prctl.h
# A busy machine inflates every figure: above this many cores' worth of CPU used by other
# processes while a benchmark ran, the report says its figures may be high.
BUSY_CORES = 0.1


@dataclass
class Row:
    measure: str
    figure: str
    bar: str = NONE
    verdict: str = NONE


@dataclass
class Outcome:
    """One benchmark's run: its figures, or why there are none."""

    name: str
    data: Any = None
    seconds: float = 0.0
    problem: str = ""
    skipped: bool = False  # the machine lacks a tool: not a failure of the benchmark
    others: float = 0.0  # CPU other processes used meanwhile, in cores on average


# --- running -------------------------------------------------------------------------------


def cpu_seconds() -> tuple[float, float]:
    """CPU time used so far by the whole machine and by this process's finished children."""
    fields = [int(f) for f in Path("/proc/stat").read_text().split("\n", 1)[0].split()[1:9]]
    user, nice, system, _idle, _iowait, irq, softirq, steal = fields
    machine = (user + nice + system + irq + softirq + steal) / os.sysconf("SC_CLK_TCK")
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    return machine, children.ru_utime + children.ru_stime


def adopt_orphans() -> None:
    """Become the parent of descendants whose own parent exits first: xvfb-run leaves its Xvfb
    to die alone. Reaped here, their CPU time counts as the benchmark's, not as others'."""
    ctypes.CDLL(None, use_errno=True).prctl(PR_SET_CHILD_SUBREAPER, 1, 0, 0, 0)


def reap_orphans(limit_s: float = 5.0) -> None:
    deadline = time.monotonic() + limit_s
    while time.monotonic() < deadline:
        try:
            pid, _status = os.waitpid(-1, os.WNOHANG)
        except ChildProcessError:
            return  # none left
        if pid == 0:  # one is still exiting
            time.sleep(0.05)


def run(name: str, script: str, args: list[str], env: dict[str, str] | None = None) -> Outcome:
    """Runs one benchmark script; its figures are the JSON file it writes (removed first, so
    figures of an earlier run are never reported as this run's)."""
    result, text = OUT / f"{name}.json", OUT / f"{name}.txt"
    result.unlink(missing_ok=True)
    OUT.mkdir(parents=True, exist_ok=True)
    print(f"{name}: {script} {' '.join(args)}".rstrip(), file=sys.stderr, flush=True)
    started, (machine_before, ours_before) = time.perf_counter(), cpu_seconds()
    with text.open("w", encoding="utf-8") as out:
        done = subprocess.run(
            [sys.executable, str(BENCH / script), *args],
            cwd=ROOT,
            stdout=out,
            env={**os.environ, **(env or {})},
        )
    reap_orphans()
    seconds = round(time.perf_counter() - started, 1)
    machine_after, ours_after = cpu_seconds()
    # What the machine used beyond the benchmark and its children: a test run, a build...
    others = max(0.0, (machine_after - machine_before) - (ours_after - ours_before)) / seconds
    relative = text.relative_to(ROOT)
    if done.returncode != 0 or not result.exists():
        problem = f"failed (exit code {done.returncode}); see {relative}"
        print(f"{name}: {problem}", file=sys.stderr)
        return Outcome(name, seconds=seconds, problem=problem, others=round(others, 2))
    print(f"{name}: {seconds:.0f} s; table in {relative}", file=sys.stderr)
    return Outcome(name, read_json(result), seconds, others=round(others, 2))


def run_all(search_args: list[str]) -> dict[str, Outcome]:
    outcomes = {"search": run("search", "search_bench.py", search_args)}
    problem = missing_tools()
    if problem:
        print(f"startup: not measured; {problem}", file=sys.stderr)
        outcomes["startup"] = Outcome("startup", problem=problem, skipped=True)
    else:
        outcomes["startup"] = run("startup", "startup_bench.py", [])
    offscreen = {"QT_QPA_PLATFORM": "offscreen"}
    outcomes["handout"] = run("handout", "handout_bench.py", [], offscreen)
    outcomes["memory"] = run("memory", "memory_bench.py", [])
    return outcomes


# --- the table -----------------------------------------------------------------------------


def verdict(ok: bool | None) -> str:
    return "met" if ok else "NOT met"


def p50_p95(row: dict[str, Any]) -> str:
    return f"{row['p50_ms']:.1f} / {row['p95_ms']:.1f} ms"


def search_rows(data: dict[str, Any]) -> list[Row]:
    shipped, corpus, targets = data["shipped"], data["corpus"], data["targets"]
    mine = corpus["latency"]["whoosh+snippets"]["overall"]
    fts5 = corpus["latency"]["fts5"]["overall"]
    ratio = targets["corpus_p95_vs_fts5"]["value"]
    p50_ratio = mine["p50_ms"] / fts5["p50_ms"] if fts5["p50_ms"] else None
    size = f"{corpus['articles']:,}-article corpus"
    build = corpus["build"]
    return [
        Row(
            f"Search p50 / p95, shipped content ({shipped['documents']} documents)",
            p50_p95(shipped["latency"]["whoosh+snippets"]),
            f"p95 < {SEARCH_SHIPPED_P95_MS:g} ms",
            verdict(targets["shipped_p95_ms"]["pass"]),
        ),
        Row(
            f"Search p50 / p95, {size}, Handbok",
            p50_p95(mine),
            f"p95 < {SEARCH_CORPUS_P95_MS:g} ms",
            verdict(targets["corpus_p95_ms"]["pass"]),
        ),
        Row(f"Search p50 / p95, {size}, SQLite FTS5", p50_p95(fts5), "reference"),
        Row(
            "Search, Handbok ÷ FTS5 (p95; p50 in brackets)",
            f"{ratio:.1f}x ({p50_ratio:.1f}x)" if ratio and p50_ratio else "n/a",
            f"p95 within {SEARCH_FTS5_RATIO:g}x",
            verdict(targets["corpus_p95_vs_fts5"]["pass"]),
        ),
        *typing_rows(corpus, targets, size),
        Row(
            "Store build, shipped content (median)",
            f"{shipped['build_s']['median']:.2f} s",
        ),
        Row(
            f"Store build, {size}, Handbok / FTS5",
            f"{build['whoosh']['seconds']:.1f} s / {build['fts5']['seconds']:.1f} s",
        ),
    ]


def typing_rows(corpus: dict[str, Any], targets: dict[str, Any], size: str) -> list[Row]:
    """The typing path: a keystroke, and a whole typed query beside FTS5 typed the same way."""
    typing = corpus.get("typing")
    if not typing or "keystroke_p95_ms" not in targets:
        return []
    ratio = targets["typed_query_vs_fts5"]["value"]
    fts5 = p50_p95(typing["keystroke"]["fts5"])
    return [
        Row(
            f"Each keystroke p50 / p95, {size}, Handbok (FTS5 {fts5})",
            p50_p95(typing["keystroke"]["whoosh"]),
            f"p95 < {SEARCH_CORPUS_P95_MS:g} ms",
            verdict(targets["keystroke_p95_ms"]["pass"]),
        ),
        Row(
            "A typed query, Handbok ÷ FTS5 (p95 of all its keystrokes together)",
            f"{ratio:.1f}x" if ratio else "n/a",
            f"within {SEARCH_FTS5_RATIO:g}x",
            verdict(targets["typed_query_vs_fts5"]["pass"]),
        ),
    ]


def startup_rows(data: dict[str, Any]) -> list[Row]:
    def figure(row: dict[str, float]) -> str:
        # first_window.py counts a run that saw no window within 30 s as NaN; say so.
        if any(math.isnan(value) for value in row.values()):
            return f"{row['median']:.2f} s (a run saw no window)"
        return f"{row['median']:.2f} s ({row['min']:.2f}–{row['max']:.2f})"

    bare = data["bare_pyside6"]
    return [
        Row(
            "First window from source, median (min–max)",
            figure(data["handbok"]),
            f"median < {FIRST_WINDOW_S:g} s",
            verdict(data["handbok"]["median"] < FIRST_WINDOW_S),
        ),
        *(
            [
                Row(
                    "First window frozen (make dist), median (min–max)",
                    figure(data["handbok_frozen"]),
                    f"median < {FIRST_WINDOW_S:g} s",
                    verdict(data["handbok_frozen"]["median"] < FIRST_WINDOW_S),
                )
            ]
            if "handbok_frozen" in data
            else [Row("First window frozen", "not measured: run make dist first")]
        ),
        Row("First window, bare PySide6 QMainWindow", figure(data["bare_pyside6"]), "floor"),
        *(
            Row(
                f"First window {how} ÷ bare window, same run (min; median)",
                f"{data[name]['min'] / bare['min']:.2f}x; "
                f"{data[name]['median'] / bare['median']:.2f}x",
                f"median within {FIRST_WINDOW_RATIO:g}x",
                verdict(data[name]["median"] / bare["median"] <= FIRST_WINDOW_RATIO),
            )
            for name, how in (("handbok", "from source"), ("handbok_frozen", "frozen"))
            if name in data
        ),
    ]


def handout_rows(data: dict[str, Any]) -> list[Row]:
    preview = data.pop("preview_ms", None)
    rows = _two_page_rows(data)
    if preview:
        slowest = max(preview.values())
        rows.append(
            Row(
                "Handout preview after a change (slowest template, median)",
                f"{slowest:.0f} ms",
                f"< {HANDOUT_MS:g} ms",
                verdict(slowest < HANDOUT_MS),
            )
        )
    return rows


def _two_page_rows(data: dict[str, Any]) -> list[Row]:
    two_pages = [row["median_ms"] for row in data.values() if row["pages"] == 2]
    if not two_pages:
        return [Row("Handout, two-page PDF", "no template gave two pages")]
    slowest = max(two_pages)
    return [
        Row(
            f"Handout, two-page PDF (slowest of {len(two_pages)}, median)",
            f"{slowest:.0f} ms",
            f"< {HANDOUT_MS:g} ms",
            verdict(slowest < HANDOUT_MS),
        )
    ]


def memory_rows(data: dict[str, Any]) -> list[Row]:
    app = data["handbok"][data["final_mark"]]
    bare = data["bare_pyside6"]["window shown"]
    return [
        Row(
            f"Peak RSS, app: {data['articles_opened']} articles, a search, a handout preview"
            " (RSS at the end)",
            f"{app['peak_mib']:.0f} MiB ({app['rss_mib']:.0f})",
        ),
        Row("Peak RSS, bare PySide6 QMainWindow", f"{bare['peak_mib']:.0f} MiB", "floor"),
    ]


# Each benchmark's rows, and the one row shown in their place when it could not run.
ROWS = {
    "search": (search_rows, Row("Search and store build", "not measured")),
    "startup": (
        startup_rows,
        Row("First window from source", "not measured", f"median < {FIRST_WINDOW_S:g} s"),
    ),
    "handout": (handout_rows, Row("Handout, two-page PDF", "not measured", f"< {HANDOUT_MS:g} ms")),
    "memory": (memory_rows, Row("Peak RSS with a few articles open", "not measured")),
}


def rows_and_notes(outcomes: dict[str, Outcome]) -> tuple[list[Row], list[str]]:
    rows: list[Row] = []
    notes: list[str] = []
    for name, (make_rows, missing) in ROWS.items():
        outcome = outcomes[name]
        if outcome.problem:
            rows.append(missing)
            notes.append(f"{missing.measure}: not measured; {outcome.problem}.")
        else:
            rows.extend(make_rows(outcome.data))
    search = outcomes["search"].data
    if search and search["corpus"]["articles"] != SEARCH_CORPUS_ARTICLES:
        notes.append(
            f"The corpus bars are defined for {SEARCH_CORPUS_ARTICLES:,} articles; this run had "
            f"{search['corpus']['articles']:,}, so their verdicts only indicate."
        )
    notes += [
        "Search: Handbok with snippets, as the window searches; FTS5 without; p50 / p95 over "
        "five query types (term, AND, phrase, fuzzy, prefix) weighted equally.",
        "docs/architecture.md sets no bar for store build time or memory. The frozen first "
        "window is measured when `make dist` has built dist/ before the run.",
    ]
    if not outcomes["memory"].problem:
        notes.append(
            "Memory: VmHWM (peak) and VmRSS of the real app process under "
            f"QT_QPA_PLATFORM={outcomes['memory'].data['platform']}, median of "
            f"{outcomes['memory'].data['runs']} runs; 1 MiB = 1,048,576 bytes."
        )
    return rows, notes


# --- the machine ---------------------------------------------------------------------------


def proc_field(path: str, name: str) -> str:
    try:
        lines = Path(path).read_text(encoding="utf-8").splitlines()
    except OSError:
        return ""
    return next((line.split(":", 1)[1].strip() for line in lines if line.startswith(name)), "")


def machine() -> dict[str, Any]:
    import sqlite3

    import PySide6

    memory_kb = proc_field("/proc/meminfo", "MemTotal").split()[:1]
    return {
        "cpu": proc_field("/proc/cpuinfo", "model name") or platform.processor() or "unknown",
        "cores": os.cpu_count(),
        "ram_gib": round(int(memory_kb[0]) / 1024**2, 1) if memory_kb else None,
        "system": f"{platform.system()} {platform.release()}",
        "python": platform.python_version(),
        "pyside6": PySide6.__version__,
        "sqlite": sqlite3.sqlite_version,
    }


def describe(info: dict[str, Any]) -> str:
    return (
        f"{info['cpu']}, {info['cores']} cores, {info['ram_gib']} GiB RAM, {info['system']}; "
        f"Python {info['python']}, PySide6 {info['pyside6']}, SQLite {info['sqlite']}"
    )


# --- output --------------------------------------------------------------------------------


def text_table(rows: list[Row]) -> str:
    header = Row("measure", "figure", "bar (docs/architecture.md)", "verdict")
    cells = [list(asdict(row).values()) for row in (header, *rows)]
    widths = [max(len(line[i]) for line in cells) for i in range(4)]
    lines = ["  ".join(c.ljust(w) for c, w in zip(line, widths, strict=True)) for line in cells]
    lines.insert(1, "  ".join("-" * width for width in widths))
    return "\n".join(line.rstrip() for line in lines)


def markdown(report: dict[str, Any]) -> str:
    code = report["code"]
    lines = [
        f"Measured {report['date']} on {describe(report['machine'])}; commit "
        f"{code['commit'][:10]}{' with uncommitted changes' if code['dirty'] else ''}.",
        "",
        "| Measure | Figure | Bar (docs/architecture.md) | Verdict |",
        "|---|---|---|---|",
        *(
            f"| {r['measure']} | {r['figure']} | {r['bar']} | {r['verdict']} |"
            for r in report["rows"]
        ),
        "",
        *(f"- {note}" for note in report["notes"]),
    ]
    return "\n".join(lines) + "\n"


def main() -> int:
    started = time.perf_counter()
    adopt_orphans()
    outcomes = run_all(sys.argv[1:])
    rows, notes = rows_and_notes(outcomes)
    ran = [o for o in outcomes.values() if not o.skipped]
    notes.append(
        "CPU used by other processes meanwhile, in cores: "
        + ", ".join(f"{o.name} {o.others:.2f}" for o in ran)
        + f"; the run took {time.perf_counter() - started:.0f} s."
    )
    busy = [o.name for o in ran if o.others > BUSY_CORES]
    if busy:
        notes.append(f"The machine was not quiet during {', '.join(busy)}: figures may be high.")
    report: dict[str, Any] = {
        "date": time.strftime("%Y-%m-%d %H:%M %Z"),
        "machine": machine(),
        "code": code_version("index", "desktop", "resources", "bench"),
        "rows": [asdict(row) for row in rows],
        "notes": notes,
        "seconds": {name: outcome.seconds for name, outcome in outcomes.items()},
        "other_processes_cpu_cores": {name: o.others for name, o in outcomes.items()},
        "figures": {name: f"bench/out/{name}.json" for name in outcomes},
    }
    write_json(OUT / "report.json", report)
    (OUT / "report.md").write_text(markdown(report), encoding="utf-8")
    print(f"\nHandbok benchmarks, {report['date']}")
    print(describe(report["machine"]) + "\n")
    print(text_table(rows) + "\n")
    for note in notes:
        print(f"- {note}")
    print("\nDetails: bench/out/*.txt and *.json; for README: bench/out/report.md")
    failed = any(o.problem and not o.skipped for o in outcomes.values())
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
