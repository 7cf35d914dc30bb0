#!/bin/sh
# Runs one libFuzzer target for $CASEBOOK_FUZZ_SECONDS (default 30) on its
# seed corpus, writing what it discovers into a temporary folder (never into
# the source tree; $CASEBOOK_FUZZ_CORPUS names a folder to keep it in).  Any
# crash, leak, timeout, sanitizer report or broken invariant fails the run
# and leaves the reproducer in the build folder's fuzz-artifacts/.
# usage: run-fuzz.sh TARGET SEEDS...
set -eu
target=$1
shift
name=$(basename "$target")
seconds=${CASEBOOK_FUZZ_SECONDS:-30}
tmp=$(mktemp -d "${TMPDIR:-/tmp}/casebook-fuzz.XXXXXX")
trap 'rm -rf "$tmp"' EXIT
if [ -n "${CASEBOOK_FUZZ_CORPUS:-}" ]; then
  work=$CASEBOOK_FUZZ_CORPUS/$name
  mkdir -p "$work"
else
  work=$tmp
fi
artifacts=$(dirname "$target")/fuzz-artifacts/
mkdir -p "$artifacts"

# A small input that takes more than a second is a hang worth fixing
# (-report_slow_units only prints, -timeout fails).
export ASAN_OPTIONS="${ASAN_OPTIONS:-halt_on_error=1:abort_on_error=1:detect_leaks=1}"
export UBSAN_OPTIONS="${UBSAN_OPTIONS:-halt_on_error=1:print_stacktrace=1}"
"$target" "$work" "$@" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 \
  -max_len=65536 -report_slow_units=1 -artifact_prefix="$artifacts$name-" \
  -print_final_stats=1 2>"$tmp/log" ||
  { tail -80 "$tmp/log"; echo "FAIL: $name found a problem (reproducer in $artifacts)"; exit 1; }
grep -E 'Slowest unit|stat::number_of_executed_units|stat::average_exec_per_sec|stat::peak_rss_mb' "$tmp/log" || true
echo "ok: $name ran ${seconds}s without a finding"
