#!/bin/sh
# The real application on a private session bus with the AT-SPI registry, the
# samples loaded, inspected by check-a11y.py as a screen reader would.
# usage: check-a11y.sh CASEBOOK CHECK_SCRIPT   (under a display: xvfb-run)
set -eu
app=$1
check=$2
launcher=/usr/libexec/at-spi-bus-launcher
[ -x "$launcher" ] || { echo "FAIL: $launcher is missing (Debian: at-spi2-core)"; exit 1; }
/usr/bin/python3 -c 'import pyatspi' 2>/dev/null ||
  { echo "FAIL: pyatspi is missing (Debian: python3-pyatspi)"; exit 1; }

work=$(mktemp -d "${TMPDIR:-/tmp}/casebook-a11y.XXXXXX")
trap 'rm -rf "$work"' EXIT
export HOME="$work" XDG_CONFIG_HOME="$work/config" XDG_DATA_HOME="$work/data"
export CASEBOOK_DB="$work/test.db" CASEBOOK_LOAD_SAMPLES=1
# The test environment turns accessibility off for the other window tests.
unset NO_AT_BRIDGE GTK_A11Y

dbus-run-session -- sh -c '
  "$0" --launch-immediately &
  bus=$!
  sleep 1
  "$1" &
  casebook=$!
  status=0
  /usr/bin/python3 "$2" casebook || status=$?
  kill $casebook $bus 2>/dev/null || true
  wait 2>/dev/null || true
  exit $status' "$launcher" "$app" "$check"
