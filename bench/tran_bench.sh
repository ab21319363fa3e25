#!/usr/bin/env bash
# Transient benchmarks (issue 5): xbspice and Debian's ngspice on the same generated decks
# (gen_tran), each writing every vector to a binary raw file, whole process timed (best of 5).
# Accuracy: both runs again with ASCII raw output, compared by tran_accuracy with a fine-step
# reference (xbspice, reltol=1e-6, tmax = tstep/10) at the
# reference's time points, worst difference over the printed signals as a fraction of range.
# Prints a Markdown table for docs/performance.md.  Usage: bench/tran_bench.sh [BUILD_DIR]
set -euo pipefail
build=${1:-build}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
source "$(dirname "$0")/timing.sh"
row() {  # name kind size signals tmax_ref
  local name=$1 kind=$2 size=$3 signals=$4 tmax_ref=$5
  "$build/bench/gen_tran" "$kind" "$size" > "$tmp/deck.sp"
  "$build/bench/gen_tran" "$kind" "$size" --print "$signals" > "$tmp/print.sp"
  "$build/bench/gen_tran" "$kind" "$size" --print "$signals" --reltol 1e-6 --tmax "$tmax_ref" \
    > "$tmp/ref.sp"
  local xb ng
  xb=$(best_time 5 "$build/frontends/xbspice" run "$tmp/deck.sp" -o "$tmp/xb.raw")
  ng=$(best_time 5 ngspice -b -r "$tmp/ng.raw" "$tmp/deck.sp")
  "$build/frontends/xbspice" run "$tmp/ref.sp" -o "$tmp/ref.raw" --ascii > /dev/null
  SPICE_ASCIIRAWFILE=1 ngspice -b -r "$tmp/ngref.raw" "$tmp/ref.sp" > /dev/null 2>&1
  local refs
  refs=$("$build/bench/tran_accuracy" "$tmp/ref.raw" "$tmp/ngref.raw" | awk '{print $8}')
  notes+="- $name: the xbspice and ngspice fine-step references agree to $refs of range."$'\n'
  "$build/frontends/xbspice" run "$tmp/print.sp" -o "$tmp/xba.raw" --ascii > /dev/null
  SPICE_ASCIIRAWFILE=1 ngspice -b -r "$tmp/nga.raw" "$tmp/print.sp" > /dev/null 2>&1
  local acc xb_pts xb_err ng_pts ng_err
  acc=$("$build/bench/tran_accuracy" "$tmp/ref.raw" "$tmp/xba.raw" "$tmp/nga.raw")
  xb_pts=$(echo "$acc" | sed -n 1p | awk '{print $2}')
  xb_err=$(echo "$acc" | sed -n 1p | awk '{print $8}')
  ng_pts=$(echo "$acc" | sed -n 2p | awk '{print $2}')
  ng_err=$(echo "$acc" | sed -n 2p | awk '{print $8}')
  local ratio
  ratio=$(awk -v a="$xb" -v b="$ng" 'BEGIN { if (a > 0) printf "%.1f×", b / a; else print "-" }')
  echo "| $name | $xb s | $xb_pts | $xb_err | $ng s | $ng_pts | $ng_err | $ratio |"
}
notes=""
echo "| case | xbspice time | xbspice points | xbspice worst error | ngspice time | ngspice points | ngspice worst error | ngspice / xbspice |"
echo "|---|---|---|---|---|---|---|---|"
row "RC ladder, 1,000 stages, 10,000 τ" ladder 1000 \
  "v(n1) v(n3) v(n10) v(n30) v(n100) v(n300) v(n1000)" 1n
row "32×32 crossbar, wire R and C, PWL inputs, 1 µs" crossbar 32 \
  "v(c0_0) v(c31_0) v(r0_31) v(r31_31) v(c15_16) v(r16_15) v(c0_31) v(r31_0)" 0.1n
echo
printf "%s" "$notes"
