#!/usr/bin/env bash
# AC benchmark (issue 17): a 64×64 crossbar (gen_crossbar --ac: 1 Ω wires with 0.1 fF per wire
# node, 100 Ω source and sense resistors, AC 1 on every input), 201 frequencies from 1 MHz to
# 100 GHz. xbspice and ngspice 39 side by side on the same deck, best of three: all vectors
# (as both save them without .print/.save) and three printed vectors (ngspice given the same
# three in .save); the results compared. Prints a Markdown table for docs/performance.md.
# Usage: bench/ac_bench.sh [BUILD_DIR]
set -euo pipefail
build=${1:-build}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
source "$(dirname "$0")/timing.sh"
best() { best_time 3 "$@"; }
"$build/bench/gen_crossbar" 64 --ac > "$tmp/all.sp"
sed '/^\.end$/d' "$tmp/all.sp" > "$tmp/three.sp"
printf '.print ac v(r0_63) v(r63_63) i(vin0)\n.save v(r0_63) v(r63_63) i(vin0)\n.end\n' >> "$tmp/three.sp"
echo "| 64×64 crossbar with wire capacitance, .ac of 201 points | xbspice run -o OUT.raw | ngspice -b -r OUT.raw | ratio |"
echo "|---|---|---|---|"
for deck in all three; do
  xb=$(best "$build/frontends/xbspice" run "$tmp/$deck.sp" -o "$tmp/xb.raw")
  ng=$(best ngspice -b -r "$tmp/ng.raw" "$tmp/$deck.sp")
  "$build/frontends/xbspice" compare "$tmp/xb.raw" "$tmp/ng.raw" --analysis ac --reltol 1e-6 \
    --abstol 1e-15 > "$tmp/cmp" || { echo "results differ:"; tail -5 "$tmp/cmp"; exit 1; }
  label=$([ "$deck" = all ] && echo "every node and source current saved" || echo "three vectors saved")
  echo "| $label | $xb s | $ng s | $(awk -v a="$ng" -v b="$xb" 'BEGIN { printf "%.1f×", a / b }') |"
done
echo
"$build/frontends/xbspice" run "$tmp/three.sp" --stats 2>&1 >/dev/null | sed 's/^/    /'
