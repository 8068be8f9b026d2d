"""`make dist`: the frozen one-folder program, smoke-tested, zipped.

    python build/build.py [--skip-smoke]

1. builds the content store and the translations into build/work/ (git ignores it),
2. runs PyInstaller on build/handbok.spec (work files in build/work/pyinstaller, the
   program in dist/Handbok/), then removes the Qt plugins and translations Handbok never uses,
3. smoke-tests a read-only copy of the folder with a fresh data folder: `handbok-cli
   self-test`, a search, a misspelt compound corrected, a handout PDF, a content pack made and
   imported, and the desktop window started offscreen until its content loads; the copy must
   be byte-for-byte unchanged afterwards,
4. zips the folder (dist/Handbok-VERSION-PLATFORM.zip) and reports the sizes; a folder over
   the bar (150 MB, docs/architecture.md) fails the build.

Works the same on Windows (`python build\\build.py` in the project's .venv); the Windows
version resource is generated from the package version.
"""

from __future__ import annotations

import argparse
import hashlib
import os
import platform
import shutil
import stat
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
WORK = ROOT / "build" / "work"
DIST = ROOT / "dist"
sys.path.insert(0, str(ROOT))

from index import __version__  # noqa: E402

# What Qt may keep under PySide6/Qt/plugins; everything else goes.
# Windows is the target; on Linux the build serves development and tests, on X11.
KEEP_PLUGINS = {
    "platforms": {"libqxcb", "libqoffscreen", "qwindows", "qoffscreen"},
    "imageformats": {"libqico", "qico", "libqjpeg", "qjpeg"},  # icon; JPEG logos (PNG is built in)
    "printsupport": None,  # all: the system's print backends
    "styles": None,
    "platforminputcontexts": None,  # compose and ibus: typing æ, ø, å on Linux
}
DROP_LIBS = (
    "Qt6Network", "Qt6Qml", "Qt6Quick", "Qt6Pdf", "Qt6Svg", "Qt6VirtualKeyboard", "Qt6Wayland",
    "Qt6WlShell", "Qt6EglFS", "Qt6EglFs", "Qt6OpenGL",
    # Windows only (the wheel's PySide6/opengl32sw.dll, about 20 MB, PyInstaller collects it
    # beside QtGui): Mesa's software OpenGL, which Qt loads only for an OpenGL context when
    # the graphics driver has none. Handbok paints every widget, page and print preview with
    # QPainter's raster engine and creates no OpenGL context (QtOpenGL is excluded above).
    "opengl32sw",
)  # fmt: skip
# Loaded with dlopen (by Qt, by PyInstaller's bootloader), so no library names them as
# NEEDED: never pruned.
DLOPENED = ("libdbus-1.so", "libpython")
# The bar for the program folder (docs/architecture.md), in bytes as folder_size counts them
# (1 MB = 1,000,000 bytes; `du -sm` counts MiB and blocks, about 4 % less). Linux, 2026-12-02:
# 159.8 MB before the cuts the spec and DROP_LIBS describe, 146.5 MB after (zip 65.6 -> 61.4).
SIZE_BAR = 150_000_000
SMOKE_QUERY = "hjelpetelefon"
# Two mistakes in a compound (f for v, a p left out): the C++ edit distance corrects it.
SMOKE_TYPO, SMOKE_MEANT = "selfhjelpsgrupe", "selvhjelpsgruppe"
SMOKE_FOUND = "starte-selvhjelpsgruppe"
SMOKE_HANDOUT = ["handout", "hjelpetelefoner-og-chat", "--add", "starte-selvhjelpsgruppe"]
# rapidfuzz's C++ builds the corrector needs: the one for any x86-64 CPU (the spec drops the
# AVX2 copies). Without them rapidfuzz falls back to Python: a typed word against 34,000
# words took 27-33 ms instead of 0.4 ms (2026-12-02).
RAPIDFUZZ_NEEDED = ("metrics_cpp", "process_cpp_impl")


def step(text: str) -> None:
    print(f"[{time.strftime('%H:%M:%S')}] {text}", flush=True)


def prepare() -> None:
    from index.resources import content_dir, search_config_dir
    from index.store.build import build_store

    shutil.rmtree(WORK / "store", ignore_errors=True)
    report = build_store(content_dir(), search_config_dir(), WORK / "store")
    step(f"store: {report.documents} documents in {report.seconds:.1f} s")
    subprocess.run([sys.executable, "-m", "desktop.translations", "build"], check=True, cwd=ROOT)
    i18n = WORK / "i18n"
    shutil.rmtree(i18n, ignore_errors=True)
    i18n.mkdir(parents=True)
    for qm in (ROOT / "resources" / "i18n").glob("*.qm"):
        shutil.copy2(qm, i18n / qm.name)
    # The program's English, and Qt's own strings in bokmål (the wheel has none of those).
    for needed in ("handbok_en.qm", "qtbase_nb.qm"):
        if not (i18n / needed).exists():
            raise SystemExit(f"translation missing from the build: {needed}")
    (WORK / "version_info.txt").write_text(version_resource(__version__), encoding="utf-8")


def version_resource(version: str) -> str:
    parts = [int(p) for p in version.split(".")[:3] if p.isdigit()] + [0, 0, 0, 0]
    numbers = tuple(parts[:4])
    strings = {
        "CompanyName": "Handbok",
        "FileDescription": "Handbok – veiledning, kontakter og sjekklister",
        "FileVersion": version,
        "InternalName": "Handbok",
        "OriginalFilename": "Handbok.exe",
        "ProductName": "Handbok",
        "ProductVersion": version,
    }
    table = ",\n".join(f"StringStruct('{k}', '{v}')" for k, v in strings.items())
    return f"""VSVersionInfo(
  ffi=FixedFileInfo(filevers={numbers}, prodvers={numbers}, mask=0x3f, flags=0x0, OS=0x40004,
                    fileType=0x1, subtype=0x0, date=(0, 0)),
  kids=[StringFileInfo([StringTable('041404B0', [{table}])]),
        VarFileInfo([VarStruct('Translation', [0x0414, 1200])])]
)
"""


def freeze() -> Path:
    shutil.rmtree(DIST / "Handbok", ignore_errors=True)
    env = dict(os.environ, HANDBOK_BUILD_WORK=str(WORK))
    subprocess.run(
        [sys.executable, "-m", "PyInstaller", str(ROOT / "build" / "handbok.spec"),
         "--noconfirm", "--clean", "--log-level", "WARN",
         "--workpath", str(WORK / "pyinstaller"), "--distpath", str(DIST)],
        check=True, cwd=ROOT, env=env,
    )  # fmt: skip
    return DIST / "Handbok"


def trim(folder: Path) -> int:
    """Remove Qt plugins, translations and libraries Handbok never loads; returns bytes saved."""
    saved = 0
    qt = next((p for p in folder.rglob("PySide6") if (p / "Qt").is_dir() or p.is_dir()), None)
    if qt is None:
        return 0
    plugins = qt / "Qt" / "plugins" if (qt / "Qt").is_dir() else qt / "plugins"
    for kind in plugins.iterdir() if plugins.is_dir() else []:
        keep = KEEP_PLUGINS.get(kind.name, set())
        if keep is None:
            continue
        for plugin in kind.iterdir():
            if not keep or plugin.name.split(".")[0] not in keep:
                saved += _remove(plugin)
        if not any(kind.iterdir()):
            kind.rmdir()
    translations = plugins.parent / "translations"
    if translations.is_dir():
        saved += _remove(translations)
    for lib in folder.rglob("*"):
        if lib.is_file() and any(name in lib.name for name in DROP_LIBS):
            saved += _remove(lib)
    return saved


def prune_unreferenced(folder: Path) -> int:
    """Linux: remove bundled shared libraries that nothing left in the folder links to (they
    came with plugins the trim removed). Returns bytes saved; does nothing without readelf."""
    if not sys.platform.startswith("linux") or not shutil.which("readelf"):
        return 0
    files = [p for p in folder.rglob("*") if p.is_file() and not p.is_symlink()]
    elves = [p for p in files if p.read_bytes()[:4] == b"\x7fELF"]
    by_name: dict[str, list[Path]] = {}
    for elf in elves:
        by_name.setdefault(elf.name, []).append(elf)
    internal = folder / "_internal"
    candidates = {p for p in elves if p.parent == internal and ".so" in p.name}
    # Python extension modules (cffi's _cffi_backend is the one here: cryptography imports
    # it for pack signatures) are loaded by the import system, so nothing links to them.
    roots = [p for p in elves if p not in candidates or p.name.startswith(DLOPENED)
             or ".cpython-" in p.name or ".abi3." in p.name]  # fmt: skip
    seen: set[Path] = set()
    queue = list(roots)
    while queue:
        elf = queue.pop()
        if elf in seen:
            continue
        seen.add(elf)
        out = subprocess.run(["readelf", "-d", str(elf)], capture_output=True, text=True).stdout
        for line in out.splitlines():
            if "(NEEDED)" in line:
                name = line.split("[", 1)[1].rstrip("]")
                queue += by_name.get(name, [])
    return sum(_remove(p) for p in candidates - seen)


def _remove(path: Path) -> int:
    size = sum(f.stat().st_size for f in path.rglob("*") if f.is_file()) if path.is_dir() else 0
    if path.is_dir():
        shutil.rmtree(path)
    else:
        size = path.stat().st_size
        path.unlink()
    return size


def _fingerprint(folder: Path) -> dict[str, str]:
    return {
        str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


def _set_writable(folder: Path, writable: bool) -> None:
    for path in [folder, *folder.rglob("*")]:
        mode = path.stat().st_mode
        bits = stat.S_IWUSR | stat.S_IWGRP | stat.S_IWOTH
        path.chmod(mode | stat.S_IWUSR if writable else mode & ~bits)


def _bound_by_permissions(command: list[str]) -> list[str]:
    """Root passes file permissions, and CI runs as root: there, drop the capabilities that
    let it, so the read-only folder is read-only for the program too (Linux, util-linux)."""
    if sys.platform == "linux" and os.geteuid() == 0 and shutil.which("setpriv"):
        return ["setpriv", "--bounding-set=-dac_override,-dac_read_search", *command]
    return command


def smoke_test(folder: Path) -> None:
    exe = ".exe" if sys.platform == "win32" else ""
    with tempfile.TemporaryDirectory() as tmp:
        copy = Path(tmp) / "Handbok"
        shutil.copytree(folder, copy, symlinks=True)
        before = _fingerprint(copy)
        _set_writable(copy, False)
        env = dict(
            os.environ, HANDBOK_DATA_DIR=str(Path(tmp) / "data"), QT_QPA_PLATFORM="offscreen"
        )
        env.pop("HANDBOK_STORE", None)
        try:
            for args in (["self-test"], ["search", SMOKE_QUERY, "--json"], ["--version"]):
                run = subprocess.run(
                    _bound_by_permissions([str(copy / f"handbok-cli{exe}"), *args]),
                    env=env, capture_output=True, text=True, timeout=120, check=False,
                )  # fmt: skip
                print(run.stdout.rstrip()[:600])
                if run.returncode != 0:
                    raise SystemExit(f"smoke test failed: {args}: {run.stderr.strip()}")
            _smoke_test_typo_and_handout(copy, env, exe, Path(tmp))
            _smoke_test_pack(copy, env, exe, Path(tmp))
            started = time.perf_counter()
            gui = subprocess.run(
                _bound_by_permissions([str(copy / f"Handbok{exe}")]),
                env=dict(env, HANDBOK_SMOKE_TEST="1"), capture_output=True, text=True,
                timeout=120, check=False,
            )  # fmt: skip
            if gui.returncode != 0:
                raise SystemExit(f"smoke test failed: the window: {gui.stderr.strip()[-800:]}")
            seconds = time.perf_counter() - started
            step(f"window opened offscreen, content loaded, closed ({seconds:.1f} s)")
        finally:
            _set_writable(copy, True)
        if _fingerprint(copy) != before:
            raise SystemExit("smoke test failed: the program folder was written to")
        _smoke_test_repair(copy, env, exe)
    step("smoke test passed: read-only folder, fresh data folder")


def _smoke_test_typo_and_handout(copy: Path, env: dict[str, str], exe: str, tmp: Path) -> None:
    """A misspelt compound is corrected ("Mente du: ...") and found; a handout with a
    checklist is written as a PDF outside the program folder."""
    cli = str(copy / f"handbok-cli{exe}")
    run = subprocess.run(
        _bound_by_permissions([cli, "search", SMOKE_TYPO]),
        env=env, capture_output=True, text=True, timeout=120, check=False,
    )  # fmt: skip
    first = run.stdout.splitlines()[0] if run.stdout else ""
    corrected = first.endswith(f" {SMOKE_MEANT}") and SMOKE_FOUND in run.stdout
    if run.returncode != 0 or not corrected:
        raise SystemExit(f"smoke test failed: {SMOKE_TYPO!r} not corrected: {run.stdout[:400]}")
    step(f"{SMOKE_TYPO!r} corrected: {first.strip()}")
    pdf = tmp / "handout.pdf"
    run = subprocess.run(
        _bound_by_permissions([cli, *SMOKE_HANDOUT, "--pdf", str(pdf)]),
        env=env, capture_output=True, text=True, timeout=120, check=False,
    )  # fmt: skip
    if run.returncode != 0 or not pdf.is_file() or not pdf.read_bytes().startswith(b"%PDF-"):
        raise SystemExit(f"smoke test failed: handout: {run.stdout} {run.stderr[-800:]}")
    step(f"handout: {run.stdout.strip()} ({pdf.stat().st_size // 1000} kB)")


def _smoke_test_pack(copy: Path, env: dict[str, str], exe: str, tmp: Path) -> None:
    """Content packs work frozen (cryptography and its cffi backend, SHA-256 without OpenSSL's
    hashlib): a key pair, a pack of the program's own content, and an import of it under that
    key; the key the program ships is found and refuses the pack."""
    cli = str(copy / f"handbok-cli{exe}")
    content = next(copy.rglob("resources/content"))
    pack, key = tmp / "pack.zip", tmp / "pack.pub"
    env = dict(env, HANDBOK_PACKS_DIR=str(tmp / "packs"))

    def run(*args: str, **extra: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            _bound_by_permissions([cli, *args]), env=dict(env, **extra),
            capture_output=True, text=True, timeout=120, check=False,
        )  # fmt: skip

    steps = (
        ("pack", "keygen", str(tmp / "pack.pem"), str(key)),
        ("pack", "make", str(content), "--key", str(tmp / "pack.pem"), "--out", str(pack),
         "--version", "2099.1"),
    )  # fmt: skip
    for args in steps:
        done = run(*args)
        if done.returncode != 0:
            raise SystemExit(f"smoke test failed: {args[:2]}: {done.stdout} {done.stderr}")
    shipped = run("pack", "verify", str(pack))
    if shipped.returncode != 2 or "content-pack.pub" in shipped.stderr:
        raise SystemExit(f"smoke test failed: the shipped key: {shipped.stderr.strip()}")
    done = run("pack", "import", str(pack), HANDBOK_PACK_KEY=str(key))
    if done.returncode != 0:
        raise SystemExit(f"smoke test failed: pack import: {done.stdout} {done.stderr}")
    step(f"content pack made, refused by the shipped key, imported: {done.stdout.strip()}")


def _smoke_test_repair(copy: Path, env: dict[str, str], exe: str) -> None:
    """Without its content database the program rebuilds it from its own files into the
    user's folder, says so, and works: the read-only program folder stays as it is."""
    next(copy.rglob("store/content.db")).unlink()
    before = _fingerprint(copy)
    _set_writable(copy, False)
    folder = Path(env["HANDBOK_DATA_DIR"]).parent
    env = dict(env, HANDBOK_SMOKE_TEST="1", HANDBOK_DATA_DIR=str(folder / "data2"))
    env["HANDBOK_PACKS_DIR"] = str(folder / "packs2")
    try:
        gui = subprocess.run(
            _bound_by_permissions([str(copy / f"Handbok{exe}")]),
            env=env, capture_output=True, text=True, timeout=120, check=False,
        )  # fmt: skip
    finally:
        _set_writable(copy, True)
    if gui.returncode != 0 or "bygget det på nytt" not in gui.stdout:
        raise SystemExit(f"smoke test failed: repair: {gui.stdout.strip()} {gui.stderr[-800:]}")
    if _fingerprint(copy) != before:
        raise SystemExit("smoke test failed: the repair wrote into the program folder")
    step("without its content database: rebuilt into the user's folder and said so")


def make_zip(folder: Path, archive: Path) -> Path:
    """Deflate at the highest level: Windows Explorer opens it without extra tools. Symbolic
    links (PyInstaller makes them on Linux and macOS) stay links, not second copies."""
    import zipfile

    archive.unlink(missing_ok=True)
    with zipfile.ZipFile(archive, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as zipped:
        for path in sorted(folder.rglob("*")):
            name = str(Path(folder.name) / path.relative_to(folder))
            if path.is_symlink():
                info = zipfile.ZipInfo(name)
                info.external_attr = (stat.S_IFLNK | 0o777) << 16
                zipped.writestr(info, os.readlink(path))
            else:
                zipped.write(path, name)
    return archive


def icon_fonts(folder: Path) -> int:
    """The icon fonts frozen in: exactly the ones desktop/windows/icons.py loads (qtawesome's
    hook would bring all of them, about 6 MB); returns their size in bytes."""
    from desktop.windows.icons import FONTS

    wanted = {name for _prefix, *names in FONTS for name in names}
    found = {p.name: p for p in folder.rglob("*") if p.parent.name == "fonts" and
             p.parent.parent.name == "qtawesome"}  # fmt: skip
    if set(found) != wanted:
        raise SystemExit(f"icon fonts frozen: {sorted(found)}; wanted {sorted(wanted)}")
    return sum(p.stat().st_size for p in found.values())


def rapidfuzz_builds(folder: Path) -> int:
    """The spec keeps one build of each rapidfuzz C++ module, the one for any x86-64 CPU:
    the build stops if one the corrector needs is missing or an AVX2 copy came back. Returns
    the size of rapidfuzz's binaries in bytes."""
    binaries = [p for p in folder.rglob("*") if p.is_file() and "rapidfuzz" in p.parts
                and p.suffix in (".so", ".pyd")]  # fmt: skip
    stems = {p.name.split(".")[0] for p in binaries}
    missing = [name for name in RAPIDFUZZ_NEEDED if name not in stems]
    extra = sorted(stem for stem in stems if stem.endswith(("_avx2", "_sse2")))
    if missing or extra:
        raise SystemExit(f"rapidfuzz frozen: missing {missing}, unexpected {extra}")
    return sum(p.stat().st_size for p in binaries)


def folder_size(folder: Path) -> int:
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file() and not p.is_symlink())


def main() -> int:
    parser = argparse.ArgumentParser(description="Build the frozen Handbok program.")
    parser.add_argument("--skip-smoke", action="store_true")
    args = parser.parse_args()
    started = time.perf_counter()
    step(f"Handbok {__version__} on {platform.system()} {platform.machine()}")
    prepare()
    folder = freeze()
    step(f"frozen: {folder_size(folder) / 1e6:.1f} MB")
    saved = trim(folder)
    pruned = prune_unreferenced(folder)
    step(f"trimmed {saved / 1e6:.1f} MB of unused Qt parts, {pruned / 1e6:.1f} MB of orphan libs")
    step(f"icon fonts: {icon_fonts(folder) / 1e6:.2f} MB (Font Awesome solid and regular)")
    step(f"rapidfuzz: {rapidfuzz_builds(folder) / 1e6:.1f} MB (one build for any x86-64 CPU)")
    if not args.skip_smoke:
        smoke_test(folder)
    name = f"Handbok-{__version__}-{platform.system().lower()}-{platform.machine().lower()}"
    archive = make_zip(folder, DIST / f"{name}.zip")
    megabytes = folder_size(folder) / 1e6, archive.stat().st_size / 1e6
    step(f"folder {megabytes[0]:.1f} MB, zip {megabytes[1]:.1f} MB: {archive.name}")
    if folder_size(folder) > SIZE_BAR:
        raise SystemExit(f"the program folder is over the bar of {SIZE_BAR / 1e6:.0f} MB")
    step(f"done in {time.perf_counter() - started:.0f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
