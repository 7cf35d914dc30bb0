#!/bin/sh
# Installs Casebook into a temporary prefix from a fresh build, then checks
# the installed programs work on their own: casebook-cli answers --help and
# imports a sample, and the installed app starts under the current display,
# offers the installed samples (loaded without asking) and stores them.
# usage: check-install.sh SOURCE_ROOT
set -eu
src=$1
work=$(mktemp -d "${TMPDIR:-/tmp}/casebook-install.XXXXXX")
trap 'kill "$app_pid" 2>/dev/null || true; rm -rf "$work"' EXIT
app_pid=

meson setup "$work/build" "$src" --prefix "$work/prefix" -Dgui=enabled >"$work/setup.log" 2>&1 ||
  { cat "$work/setup.log"; echo "FAIL: meson setup"; exit 1; }
meson install -C "$work/build" >"$work/install.log" 2>&1 ||
  { tail -30 "$work/install.log"; echo "FAIL: meson install"; exit 1; }

prefix=$work/prefix
cli=$prefix/bin/casebook-cli
for f in "$cli" "$prefix/bin/casebook" \
         "$prefix/share/applications/io.github.casebook.Casebook.desktop" \
         "$prefix/share/metainfo/io.github.casebook.Casebook.metainfo.xml" \
         "$prefix/share/glib-2.0/schemas/gschemas.compiled" \
         "$prefix/share/casebook/help/index.html" \
         "$prefix/share/icons/hicolor/scalable/apps/io.github.casebook.Casebook.svg" \
         "$prefix/share/icons/hicolor/symbolic/apps/io.github.casebook.Casebook-symbolic.svg"; do
  [ -e "$f" ] || { echo "FAIL: not installed: ${f#$prefix/}"; exit 1; }
done
ls "$prefix"/share/casebook/samples/*.txt >/dev/null 2>&1 ||
  { echo "FAIL: the sample articles are not installed"; exit 1; }

"$cli" --help | grep -q "Usage: casebook-cli" || { echo "FAIL: casebook-cli --help"; exit 1; }
echo "ok: installed casebook-cli answers --help"

# Nothing from the build or source tree may be needed any more.
unset GSETTINGS_SCHEMA_DIR CASEBOOK_SAMPLES_DIR
export XDG_DATA_DIRS="$prefix/share:/usr/share"
# A home of its own: the app creates its inbox folder there, not in yours.
mkdir -p "$work/home"
export HOME="$work/home" XDG_CONFIG_HOME="$work/home/.config"
export CASEBOOK_DB="$work/app.db" CASEBOOK_LOAD_SAMPLES=1 GSETTINGS_BACKEND=memory
mv "$work/build" "$work/build.moved"

"$prefix/bin/casebook" >"$work/app.log" 2>&1 &
app_pid=$!
n=0
for i in $(seq 1 60); do
  n=$("$cli" --db "$work/app.db" cases 2>/dev/null | grep -c . || true)
  [ "$n" -gt 0 ] && break
  kill -0 "$app_pid" 2>/dev/null || { cat "$work/app.log"; echo "FAIL: the installed app exited"; exit 1; }
  sleep 0.5
done
[ "$n" -gt 0 ] || { cat "$work/app.log"; echo "FAIL: the installed app stored no sample case"; exit 1; }
kill -0 "$app_pid" 2>/dev/null || { echo "FAIL: the installed app exited"; exit 1; }
echo "ok: the installed app started and stored the installed samples ($n case lines)"
