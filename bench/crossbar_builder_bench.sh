#!/usr/bin/env bash
# `xbspice crossbar` against ngspice on the very deck the builder exports (--to ngspice): an
# N×N conductor array with 1 Ω wire segments, conductances random in [10 µS, 1 mS], and K input
# vectors random in [-0.2, 0.2] V (a .data sweep; the export turns it into a native ngspice .dc of
# an index source that the inputs read through pwl()). Whole process timed (best of 3; ngspice
# once at 128×128), both writing every vector to a binary raw file; the results are compared
# (`xbspice compare`, relative 1e-6 above 1e-12). Prints a Markdown table.
# Usage: bench/crossbar_builder_bench.sh [BUILD_DIR]
set -euo pipefail
build=$(realpath "${1:-build}")
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
source "$(dirname "$0")/timing.sh"
xb="$build/frontends/xbspice"
row() {  # N K [NGSPICE_RUNS]
  awk -v n="$1" 'BEGIN { srand(1); for (i = 0; i < n; ++i) { line = "";
    for (j = 0; j < n; ++j) line = line sprintf("%.6g ", 1e-5 + rand() * (1e-3 - 1e-5));
    print line } }' > "$tmp/g.txt"
  awk -v n="$1" -v k="$2" 'BEGIN { srand(2); for (v = 0; v < k; ++v) { line = "";
    for (i = 0; i < n; ++i) line = line sprintf("%.6g ", -0.2 + 0.4 * rand()); print line } }' \
    > "$tmp/u.txt"
  local args=(crossbar --weights "$tmp/g.txt" --inputs "$tmp/u.txt" --wire-r 1)
  "$xb" "${args[@]}" --deck "$tmp/ng.sp" --to ngspice
  local t_xb t_ng worst
  t_xb=$(best_time 3 "$xb" "${args[@]}" -o "$tmp/xb.raw")
  local ng=(ngspice -b -r ng.raw ng.sp)  # a .control block (not expected here) writes its own
  grep -q '^\.control' "$tmp/ng.sp" && ng=(ngspice -b ng.sp)
  t_ng=$(cd "$tmp" && best_time "${3:-3}" "${ng[@]}")
  # Worst difference beyond compare's noise floor (1e-12 A, 1e-12 V), and whether all pass.
  worst=$("$xb" compare "$tmp/ng.raw" "$tmp/xb.raw" --reltol 1e-6 --abstol 1e-12 |
    awk 'NR > 1 && $2 + 0 > 1e-12 && $3 + 0 > w { w = $3 + 0 }
         /all compared signals pass/ { ok = "all pass" } /FAIL/ { ok = "FAIL" }
         END { if (w > 0) printf "%.1e relative (%s)", w, ok; else printf "none above 1e-12 (%s)", ok }')
  echo "| $1×$1, $2 vectors | $t_xb s | $t_ng s | $(awk -v a="$t_xb" -v b="$t_ng" \
    'BEGIN { printf "%.0f×", b / a }') | $worst |"
}
echo "| case | xbspice crossbar | ngspice (exported deck) | ngspice / xbspice | difference vs ngspice |"
echo "|---|---|---|---|---|"
row 32 20
row 64 100
row 128 100 1  # ngspice takes minutes here: one run
