#!/bin/sh
# GApplication habits, end to end on a private session bus: a second
# "casebook FILE" hands FILE to the running instance (which imports it) and
# exits, instead of opening a second window on the same database.
# usage: check-single-instance.sh CASEBOOK CASEBOOK-CLI
set -eu
app=$1
cli=$2

if [ -z "${CASEBOOK_IN_PRIVATE_BUS:-}" ]; then
  command -v dbus-run-session >/dev/null || { echo "FAIL: dbus-run-session is missing"; exit 1; }
  CASEBOOK_IN_PRIVATE_BUS=1 exec dbus-run-session -- "$0" "$@"
fi

work=$(mktemp -d "${TMPDIR:-/tmp}/casebook-single.XXXXXX")
first=
trap 'kill "$first" 2>/dev/null || true; rm -rf "$work"' EXIT
mkdir -p "$work/home" "$work/inbox"
# The default database, in a data folder of the test's own: --db and
# $CASEBOOK_DB would each ask for a process of their own.
unset CASEBOOK_DB
export HOME="$work/home" XDG_DATA_HOME="$work/data" XDG_CONFIG_HOME="$work/config"
export CASEBOOK_LOAD_SAMPLES=0 GSETTINGS_BACKEND=memory
db="$work/data/casebook/casebook.db"

printf 'Title: Handed over\nDate: 2022-02-02\n\nIona Pemberton-Ruiz was pardoned on Monday.\n' > "$work/handed.txt"

"$app" >"$work/first.log" 2>&1 &
first=$!
for i in $(seq 1 40); do [ -e "$db" ] && break; sleep 0.25; done
[ -e "$db" ] || { cat "$work/first.log"; echo "FAIL: the first instance did not open its database"; exit 1; }
sleep 1

# The second instance must return at once, its file imported by the first.
timeout 20 "$app" "$work/handed.txt" >"$work/second.log" 2>&1 ||
  { cat "$work/second.log"; echo "FAIL: the second instance did not hand over and exit"; exit 1; }
for i in $(seq 1 40); do
  "$cli" --db "$db" search Pemberton 2>/dev/null | grep -q "Handed over" && break
  sleep 0.25
done
"$cli" --db "$db" search Pemberton | grep -q "Handed over" ||
  { cat "$work/first.log"; echo "FAIL: the running instance did not import the file"; exit 1; }
kill -0 "$first" 2>/dev/null || { echo "FAIL: the first instance is gone"; exit 1; }
echo "ok: a second casebook FILE handed FILE to the running window, which imported it"
