#!/usr/bin/env bash
# Crossbar DC benchmark (issue 4): xbspice and Debian's ngspice on the same generated decks
# (gen_crossbar: N×N cells random in [1/3 MΩ, 1/2 kΩ], 1 Ω wires, 100 Ω source and sense
# resistors, 0.1 V inputs), whole process timed with /usr/bin/time, peak RSS beside each time.
# Prints a Markdown table for docs/performance.md.
# Usage: bench/crossbar_dc_bench.sh [BUILD_DIR] [--slow]   (--slow adds ngspice at 128×128, ~2 min,
#        and xbspice at 512×512)
set -euo pipefail
build=${1:-build}
slow=${2:-}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
measure() {  # prints "seconds MB" of a command, or "failed"
  if /usr/bin/time -f "%e %M" -o "$tmp/time" "$@" > /dev/null 2> "$tmp/err"; then
    awk '{printf "%.2f s | %.0f MB", $1, $2 / 1024}' "$tmp/time"
  else
    echo "failed | -"
  fi
}
row() {  # name deck_args run_ngspice
  local name=$1 args=$2 ng=$3
  "$build/bench/gen_crossbar" $args > "$tmp/deck.sp"
  local xb ngs
  xb=$(measure "$build/frontends/xbspice" run "$tmp/deck.sp")
  if [ "$ng" = yes ]; then ngs=$(measure ngspice -b "$tmp/deck.sp"); else ngs="not run | -"; fi
  local xs ns ratio
  xs=${xb%% s*}; ns=${ngs%% s*}
  ratio=$(awk -v a="$xs" -v b="$ns" 'BEGIN { if (a + 0 > 0 && b + 0 > 0) printf "%.0f×", b / a; else print "-" }')
  echo "| $name | $xb | $ngs | $ratio |"
}
echo "| case | xbspice time | xbspice peak RSS | ngspice time | ngspice peak RSS | ngspice / xbspice |"
echo "|---|---|---|---|---|---|"
row "32×32 .op" "32" yes
row "64×64 .op" "64" yes
row "128×128 .op" "128" "$([ "$slow" = --slow ] && echo yes || echo no)"
row "128×128 .dc, 100 points" "128 --dc 100" no
row "256×256 .op" "256" no
if [ "$slow" = --slow ]; then row "512×512 .op" "512" no; fi
