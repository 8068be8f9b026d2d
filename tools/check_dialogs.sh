#!/usr/bin/env bash
# The AT-SPI walk of ../shared/tools/check_window.sh with each of Handbok's dialogs open:
#
#   tools/check_dialogs.sh [WIDTHxHEIGHT] [DIALOG ...]      (default 1280x720, every dialog)
#
# Prints, for the main window and each dialog, the walk's last line ("controls N, unnamed U,
# english E, emergency yes|no") and what it found, and keeps a screenshot of each at
# /tmp/check-dialog-NAME.png. Exit code 1 if any walk found a problem.
set -u
here="$(cd "$(dirname "$0")/.." && pwd)"
size=${1:-1280x720}; [ $# -gt 0 ] && shift
dialogs=${*:-main card checklist bookmark question message contact composer preview print save open overwrite}
checker="${CHECK_WINDOW:-$here/../shared/tools/check_window.sh}"
[ -x "$checker" ] || checker=/work/shared/tools/check_window.sh
failed=0
for dialog in $dialogs; do
  data=$(mktemp -d)
  out=$("$checker" "$size" -- "$here/.venv/bin/python" "$here/tools/open_dialog.py" "$dialog" \
        --data-dir "$data" 2>/dev/null)
  walk=$(printf '%s\n' "$out" | grep -E '^(unnamed|english|emergency|controls|Handbok is not)')
  printf '== %s\n%s\n' "$dialog" "$walk"
  printf '%s\n' "$walk" | grep -q 'unnamed 0, english 0, emergency yes' || failed=1
  cp "/tmp/check-window-$size.png" "/tmp/check-dialog-$dialog.png" 2>/dev/null
  rm -rf "$data"
done
exit $failed
