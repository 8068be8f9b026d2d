"""Before `make run` opens a real window: say in one sentence which system package is missing.

Qt's xcb platform plugin needs a few X11 libraries that minimal Linux installs lack; without
them Qt aborts with a message few people can act on. Offscreen runs (tests) need none of this.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

# Library file -> the Debian/Ubuntu package that provides it.
PACKAGES = {
    "libxcb-cursor.so.0": "libxcb-cursor0",
    "libxkbcommon-x11.so.0": "libxkbcommon-x11-0",
    "libxcb-icccm.so.4": "libxcb-icccm4",
    "libxcb-image.so.0": "libxcb-image0",
    "libxcb-keysyms.so.1": "libxcb-keysyms1",
    "libxcb-randr.so.0": "libxcb-randr0",
    "libxcb-render-util.so.0": "libxcb-render-util0",
    "libxcb-shape.so.0": "libxcb-shape0",
    "libxcb-xinerama.so.0": "libxcb-xinerama0",
    "libxcb-xkb.so.1": "libxcb-xkb1",
    "libEGL.so.1": "libegl1",
    "libGL.so.1": "libgl1",
    "libfontconfig.so.1": "libfontconfig1",
    "libdbus-1.so.3": "libdbus-1-3",
}


def missing_packages() -> list[str]:
    import PySide6

    plugin = Path(PySide6.__file__).parent / "Qt" / "plugins" / "platforms" / "libqxcb.so"
    if not plugin.exists():
        return []
    libs = [plugin, *Path(PySide6.__file__).parent.joinpath("Qt", "lib").glob("libQt6XcbQpa.so*")]
    missing: set[str] = set()
    for lib in libs:
        out = subprocess.run(["ldd", str(lib)], capture_output=True, text=True, check=False).stdout
        for line in out.splitlines():
            if "not found" in line:
                name = line.split()[0]
                missing.add(PACKAGES.get(name, name))
    return sorted(missing)


def main() -> int:
    if not sys.platform.startswith("linux") or os.environ.get("QT_QPA_PLATFORM") == "offscreen":
        return 0
    if not os.environ.get("DISPLAY") and not os.environ.get("WAYLAND_DISPLAY"):
        print("No screen found (DISPLAY is not set). Run Handbok on a desktop, or under xvfb-run.")
        return 1
    missing = missing_packages()
    if missing:
        print(
            "Qt needs system libraries that are missing; install them with: "
            f"sudo apt-get install {' '.join(missing)}"
        )
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
