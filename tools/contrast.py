"""Print the WCAG 2.1 contrast of every colour pair Handbok shows, in each colour scheme it is
measured against, and in the one this machine uses now:

    python tools/contrast.py            (QT_QPA_PLATFORM=offscreen works)

Text needs 4.5:1 (1.4.3), the focus ring 3:1 (1.4.11). Exit code 1 if a pair falls short.
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from PySide6.QtWidgets import QApplication

from desktop.windows import theme


def main() -> int:
    app = QApplication.instance() or QApplication(sys.argv[:1])
    schemes = [("this machine", theme.derive(app.palette(), theme.high_contrast()))]
    for name, (contrast_wanted, _roles) in theme.SCHEMES.items():
        schemes.append((name, theme.derive(theme.scheme_palette(name), contrast_wanted)))
    short = 0
    for name, colours in schemes:
        print(f"\n{name}")
        for what, fore, back, minimum in colours.pairs():
            ratio = theme.contrast(fore, back)
            flag = "" if ratio >= minimum else "   TOO LOW"
            short += ratio < minimum
            print(f"  {what:24} {fore} on {back}  {ratio:5.2f}:1  (needs {minimum}:1){flag}")
    return 1 if short else 0


if __name__ == "__main__":
    sys.exit(main())
