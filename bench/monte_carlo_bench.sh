#!/usr/bin/env bash
# Monte Carlo benchmark (issue 17): a 1,000-sample Monte Carlo .dc (an operating point per
# sample) of a 32×32 crossbar with 10 % agauss variation of every cell's conductance
# (bench/gen_monte_carlo). xbspice runs the HSPICE form (.dc sweep monte=1000 and four
# .meas); ngspice 39 runs its own form of the same circuit (a .control loop of op and
# mc_source, summing each output and its square). xbspice best of three, ngspice once (it
# takes minutes);
# the four outputs' means and sigmas must agree within 5 standard errors (ngspice picks its
# own seed). Prints a Markdown table for docs/performance.md.
# Usage: bench/monte_carlo_bench.sh [BUILD_DIR] [SAMPLES]
set -euo pipefail
build=${1:-build}
samples=${2:-1000}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
source "$(dirname "$0")/timing.sh"
"$build/bench/gen_monte_carlo" 32 "$samples" hspice > "$tmp/hspice.sp"
"$build/bench/gen_monte_carlo" 32 "$samples" ngspice > "$tmp/ngspice.sp"
xb=$(best_time 3 "$build/frontends/xbspice" run "$tmp/hspice.sp")
"$build/frontends/xbspice" run "$tmp/hspice.sp" > "$tmp/xb.out"
start=$(date +%s.%N)
# ngspice 39 exits with 1 after this script although it completes it: its output is checked.
ngspice -b "$tmp/ngspice.sp" > "$tmp/ng.out" 2>&1 || true
grep -q "^sigma3 = " "$tmp/ng.out" || { echo "ngspice did not finish:" >&2; tail "$tmp/ng.out" >&2; exit 1; }
ng=$(awk -v s="$start" -v e="$(date +%s.%N)" 'BEGIN { printf "%.1f", e - s }')
echo "| 32×32 crossbar, 10 % agauss cell variation, $samples-sample Monte Carlo .dc | xbspice run (sweep monte=$samples) | ngspice -b (.control loop of op + mc_source) | ratio |"
echo "|---|---|---|---|"
echo "| whole run (xbspice best of 3) | $xb s | $ng s | $(awk -v a="$ng" -v b="$xb" 'BEGIN { printf "%.0f×", a / b }') |"
echo
echo "| output | xbspice mean | ngspice mean | xbspice sigma | ngspice sigma | within 5 standard errors |"
echo "|---|---|---|---|---|---|"
for k in 0 1 2 3; do
  read -r m s < <(sed -n "s/^out$k: mean = *\([^ ]*\)  sigma = *\([^ ]*\) .*/\1 \2/p" "$tmp/xb.out")
  nm=$(sed -n "s/^mean$k = //p" "$tmp/ng.out")
  ns=$(sed -n "s/^sigma$k = //p" "$tmp/ng.out")
  ok=$(awk -v m="$m" -v s="$s" -v nm="$nm" -v ns="$ns" -v n="$samples" 'BEGIN {
    dm = m - nm; if (dm < 0) dm = -dm; ds = s - ns; if (ds < 0) ds = -ds;
    print (dm <= 5 * ns * sqrt(2 / n) && ds <= 5 * ns / sqrt(n - 1)) ? "yes" : "NO" }')
  echo "| out$k | $m | $nm | $s | $ns | $ok |"
  [ "$ok" = yes ] || { echo "statistics differ" >&2; exit 1; }
done
