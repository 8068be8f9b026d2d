"""Entry point of the frozen program (both executables): the same `handbok` command."""

from __future__ import annotations

import multiprocessing
import sys

if __name__ == "__main__":
    multiprocessing.freeze_support()
    from desktop.cli.main import main

    sys.exit(main())
