#!/bin/sh
# The machine tools the tests drive. The test command stops here, before any test runs, when one is
# missing, with the one line that installs them all (skip with -DskipTests as usual).
missing=""
command -v chromium >/dev/null 2>&1 || missing="$missing chromium"
command -v espeak-ng >/dev/null 2>&1 || missing="$missing espeak-ng"
command -v npm >/dev/null 2>&1 || missing="$missing nodejs npm"
command -v zbarimg >/dev/null 2>&1 || missing="$missing zbar-tools"
command -v socat >/dev/null 2>&1 || missing="$missing socat"
fc-list 2>/dev/null | grep -qi "Noto Sans CJK" || missing="$missing fonts-noto-cjk"
ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || missing="$missing postgresql"
if [ -n "$missing" ]; then
  echo "The tests need tools this machine lacks. Install them with: apt-get install -y$missing" >&2
  exit 1
fi
