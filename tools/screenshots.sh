#!/usr/bin/env bash
# README's screenshots, taken from the real window on a 1280x720 screen (the smallest laptop
# screen Handbok is made for), with the openbox window manager drawing the frame:
#
#   tools/screenshots.sh            (needs xvfb, openbox, xdotool, imagemagick; make store first)
#
# docs/screenshot.png          the start page: the help lines open now as contact cards
# docs/screenshot-search.png   a search, its contact card and the contact opened by Enter
# docs/screenshot-reading.png  guidance at a readable measure, the source notes folded
set -eu
cd "$(dirname "$0")/.."
data=$(mktemp -d)
trap 'rm -rf "$data"' EXIT
xvfb-run -a -s "-screen 0 1280x720x24" bash -c '
  openbox >/dev/null 2>&1 &
  sleep 1
  .venv/bin/handbok --data-dir "$1" >/dev/null 2>&1 &
  app=$!
  sleep 8
  import -window root docs/screenshot.png
  xdotool key ctrl+k; xdotool type --delay 40 "kirkens sos"; sleep 2
  xdotool key Return; sleep 2
  import -window root docs/screenshot-search.png
  xdotool key Escape; xdotool key alt+2; sleep 1
  xdotool key ctrl+k; xdotool type --delay 40 "frisklivssentralene"; sleep 2
  xdotool key Down Down Down Return; sleep 2
  import -window root docs/screenshot-reading.png
  kill $app' _ "$data"
echo "wrote docs/screenshot.png docs/screenshot-search.png docs/screenshot-reading.png"
