#!/bin/sh
# End to end: the app started on a temporary database and inbox (--db,
# --inbox) imports what is written into the inbox — one file slowly, in
# chunks — each exactly once, while casebook-cli watches the database.
# usage: check-inbox-app.sh CASEBOOK CASEBOOK-CLI
set -eu
app=$1
cli=$2
work=$(mktemp -d "${TMPDIR:-/tmp}/casebook-inbox-app.XXXXXX")
app_pid=
trap 'kill "$app_pid" 2>/dev/null || true; rm -rf "$work"' EXIT

mkdir -p "$work/home" "$work/inbox"
export HOME="$work/home" XDG_CONFIG_HOME="$work/home/.config" CASEBOOK_LOAD_SAMPLES=0
unset CASEBOOK_DB

article () {
  printf 'Title: Inbox article %s\nDate: 2021-05-%02d\n\n' "$1" "$1"
  printf 'Noor Halvorsen-%s was sentenced in 2009 and released on parole last week.\n' "$1"
  printf 'Her lawyer said the board heard the case in April 2021.\n'
}

# Already there before the app starts.
article 1 > "$work/inbox/one.txt"

"$app" --db "$work/app.db" --inbox "$work/inbox" >"$work/app.log" 2>&1 &
app_pid=$!

count () {
  "$cli" --db "$work/app.db" export-json 2>/dev/null |
    python3 -c 'import json,sys; print(len(json.load(sys.stdin)["articles"]))' 2>/dev/null || echo 0
}

wait_for () {
  for i in $(seq 1 80); do
    [ "$(count)" -ge "$1" ] && return 0
    kill -0 "$app_pid" 2>/dev/null || { cat "$work/app.log"; echo "FAIL: the app exited"; exit 1; }
    sleep 0.25
  done
  cat "$work/app.log"
  echo "FAIL: expected $1 articles, the database has $(count)"
  exit 1
}

wait_for 1
echo "ok: a file already in the inbox was imported at start-up"

# A second file, written whole; a third written in chunks, kept open between them.
article 2 > "$work/inbox/two.txt"
wait_for 2
echo "ok: a new file in the inbox was imported"

article 3 > "$work/chunks"
python3 - "$work/chunks" "$work/inbox/three.txt" <<'PY'
import sys, time
data = open(sys.argv[1], "rb").read()
with open(sys.argv[2], "wb") as out:
    for i in range(0, len(data), 40):
        out.write(data[i:i + 40]); out.flush(); time.sleep(1.5)
PY
wait_for 3
sleep 3
[ "$(count)" -eq 3 ] || { echo "FAIL: $(count) articles, expected each file exactly once"; exit 1; }
"$cli" --db "$work/app.db" export-json | python3 -c '
import json, sys
bodies = [a["body"] for a in json.load(sys.stdin)["articles"] if a["title"] == "Inbox article 3"]
assert len(bodies) == 1, bodies
assert bodies[0].rstrip().endswith("April 2021."), bodies[0]
' || { echo "FAIL: the slowly written file was not imported whole"; exit 1; }
echo "ok: the slowly written file was imported once, whole"
