#!/bin/sh
# Runs one libFuzzer target for $CASEBOOK_FUZZ_SECONDS (default 30) on the seed corpus, writing what it
# discovers into a temporary folder (never into the source tree).  Any crash,
# leak, timeout or broken invariant fails the run and leaves the reproducer
# in the build folder.
# usage: run-fuzz.sh TARGET SEEDS
set -eu
target=$1
seeds=$2
seconds=${CASEBOOK_FUZZ_SECONDS:-30}
work=$(mktemp -d "${TMPDIR:-/tmp}/casebook-fuzz.XXXXXX")
trap 'rm -rf "$work"' EXIT
artifacts=$(dirname "$target")/artifacts/
mkdir -p "$artifacts"

"$target" "$work" "$seeds" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 \
  -max_len=65536 -artifact_prefix="$artifacts" -print_final_stats=1 2>"$work/log" ||
  { tail -60 "$work/log"; echo "FAIL: $(basename "$target") found a problem (reproducer in $artifacts)"; exit 1; }
grep -E 'stat::number_of_executed_units|stat::peak_rss_mb' "$work/log" || true
echo "ok: $(basename "$target") ran ${seconds}s without a finding"
