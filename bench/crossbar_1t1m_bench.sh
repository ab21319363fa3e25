#!/usr/bin/env bash
# 1T1M TaOx crossbar benchmarks (issue 6): xbspice with its built-in memristor beside ngspice on
# the same circuit written with behavioural sources (gen_1t1m --ngspice), whole process timed
# (best of 3), both writing every vector to a binary raw file. Prints a Markdown table.
# Usage: bench/crossbar_1t1m_bench.sh [BUILD_DIR]
set -euo pipefail
build=${1:-build}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
source "$(dirname "$0")/timing.sh"
row() {  # name mode size
  "$build/bench/gen_1t1m" "$2" "$3" > "$tmp/xb.sp"
  "$build/bench/gen_1t1m" "$2" "$3" --ngspice > "$tmp/ng.sp"
  local xb ng
  xb=$(best_time 3 "$build/frontends/xbspice" run "$tmp/xb.sp" -o "$tmp/xb.raw")
  ng=$(best_time 3 ngspice -b -r "$tmp/ng.raw" "$tmp/ng.sp")
  echo "| $1 | $xb s | $ng s | $(awk -v a="$xb" -v b="$ng" 'BEGIN { printf "%.1f×", b / a }') |"
}
echo "| case | xbspice | ngspice (behavioural TaOx) | ngspice / xbspice |"
echo "|---|---|---|---|"
row "64×64 1T1M read, .op" read 64
row "16×16 1T1M with wires, 100 SET pulses on one cell, 20 µs" program 16
