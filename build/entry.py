"""Entry point of the frozen program (both executables): the same `handbok` command."""

from __future__ import annotations

import sys

# No multiprocessing: Handbok starts no process of its own (build/handbok.spec excludes the
# package, and with it PyInstaller's start-up hook for it, which imported multiprocessing and
# subprocess at every start: 17 ms, a tenth of a bare window's start).
if __name__ == "__main__":
    from desktop.cli.main import main

    sys.exit(main())
