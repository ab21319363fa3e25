#!/usr/bin/env bash
# Linear-solver benchmark (issue 12): the whole `xbspice run DECK -o OUT.raw` process on the
# crossbar bench decks (gen_crossbar: 1 Ω wires, 100 Ω source and sense resistors), side by side
# in one run with CHOLMOD alone on the same matrix (cholmod_alone: analyze + factor + solve
# in-process), best of three each; the stages of the 512² run (pipeline_phases); then the
# Session API's batched solve (session_batch).
# Prints Markdown tables for docs/performance.md.
# Usage: bench/solver_bench.sh [BUILD_DIR]
set -euo pipefail
build=${1:-build}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
best() {  # best wall time of three runs of a command, in seconds
  local t b=""
  for _ in 1 2 3; do
    /usr/bin/time -f "%e" -o "$tmp/t" "$@" > /dev/null 2> "$tmp/err" || { echo failed; return; }
    t=$(cat "$tmp/t")
    b=$(awk -v a="$t" -v b="$b" 'BEGIN { print (b == "" || a + 0 < b + 0) ? a : b }')
  done
  echo "$b"
}
rss() { /usr/bin/time -f "%M" -o "$tmp/m" "$@" > /dev/null 2>&1; awk '{printf "%.0f MB", $1 / 1024}' "$tmp/m"; }
echo "| case | xbspice run -o OUT.raw | CHOLMOD alone | ratio | solver | peak RSS |"
echo "|---|---|---|---|---|---|"
for n in 256 512; do
  "$build/bench/gen_crossbar" "$n" > "$tmp/deck.sp"
  xb=$(best "$build/frontends/xbspice" run "$tmp/deck.sp" -o "$tmp/out.raw")
  ch=$(best "$build/bench/cholmod_alone" "$n")
  solver=$("$build/frontends/xbspice" run "$tmp/deck.sp" --stats 2>&1 >/dev/null | awk '/analyze/ {print $2}')
  mem=$(rss "$build/frontends/xbspice" run "$tmp/deck.sp" -o "$tmp/out.raw")
  ratio=$(awk -v a="$xb" -v b="$ch" 'BEGIN { printf "%.1f×", a / b }')
  echo "| ${n}×${n} .op | $xb s | $ch s | $ratio | $solver | $mem |"
done
"$build/bench/gen_crossbar" 128 --dc 100 > "$tmp/dc.sp"
echo "| 128×128 .dc, 100 points | $(best "$build/frontends/xbspice" run "$tmp/dc.sp") s | - | - | $("$build/frontends/xbspice" run "$tmp/dc.sp" --stats 2>&1 >/dev/null | awk '/analyze/ {print $2}') | - |"
echo
echo "Stages of the 512×512 .op (pipeline_phases):"
"$build/bench/gen_crossbar" 512 > "$tmp/deck.sp"
echo '```'
"$build/bench/pipeline_phases" "$tmp/deck.sp"
echo '```'
echo
"$build/bench/session_batch" 64 1000 1
