#!/usr/bin/env bash
# MNIST classifier benchmark (issue 14): accuracy against wire resistance (conductor cells, the
# 2,000-image test split), 1T1R and TaOx cells, and time per image beside Debian's ngspice 39 on
# the exported deck of the same circuit, in one run. Writes docs/plots/mnist_wire_accuracy.svg
# and prints Markdown tables for docs/mnist.md.
# Usage: bench/mnist_bench.sh [BUILD_DIR] [IMAGES_FOR_NONLINEAR_CELLS]   (default: build, 100)
set -euo pipefail
build=${1:-build}
nonlinear=${2:-100}
here=$(cd "$(dirname "$0")" && pwd)
. "$here/timing.sh"
xb="$build/frontends/xbspice"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
accuracy() { "$xb" mnist infer "$@" 2>/dev/null | sed -n 's/^accuracy: //p'; }
per_image() { "$xb" mnist infer "$@" 2>/dev/null | sed -n 's/^time: .*, \(.*\) ms per image/\1/p'; }

echo "## accuracy against wire resistance (conductor cells, 2,000 test images)"
echo
echo "| wire per segment | circuit | software | agreement |"
echo "|---|---|---|---|"
echo "wire_r,circuit,software" > "$tmp/wire.csv"
for r in 0 0.5 1 2 3 5 7 10; do
  line=$(accuracy --wire-r "$r")
  read -r c s a < <(echo "$line" | sed 's/circuit \([0-9.]*\) %, software \([0-9.]*\) %, agreement \([0-9.]*\) %/\1 \2 \3/')
  echo "| $r Ω | $c % | $s % | $a % |"
  echo "$r,$c,$s" >> "$tmp/wire.csv"
done
"$xb" plot "$tmp/wire.csv" -o "$here/../docs/plots/mnist_wire_accuracy.svg" \
  --title "MNIST 144-64-10 crossbar: accuracy against wire resistance" --ylabel "accuracy (%)"
echo
echo "## cells (first $nonlinear test images)"
echo
echo "| cells | wires | accuracy | ms per image |"
echo "|---|---|---|---|"
for cell in conductor 1t1r taox; do
  for r in 0 1; do
    out=$("$xb" mnist infer --cell "$cell" --wire-r "$r" --limit "$nonlinear" 2>/dev/null)
    echo "| $cell | $r Ω | $(echo "$out" | sed -n 's/^accuracy: //p') | $(echo "$out" | sed -n 's/^time: .*, \(.*\) ms per image/\1/p') |"
  done
done
echo
echo "## time beside ngspice 39 (the exported deck of the same circuit)"
echo
echo "| case | xbspice | ngspice 39 | speed-up |"
echo "|---|---|---|---|"
limit=${NGSPICE_LIMIT:-1200}  # seconds; ngspice 39 runs the 1T1R deck with wires for longer
ngspice_image() {  # seconds ngspice takes for one image of the circuit with the given options
  "$xb" mnist deck "$@" --first 1 --to ngspice -o "$tmp/ng.sp" > /dev/null
  local t
  t=$(best_time 1 timeout "$limit" ngspice -b -r "$tmp/ng.raw" "$tmp/ng.sp")
  awk -v t="$t" -v l="$limit" 'BEGIN { if (t >= l - 1) printf "> %d (stopped)", l; else print t }'
}
ratio() {  # ngspice seconds over xbspice milliseconds, "> N×" when ngspice was stopped
  awk -v a="$1" -v b="$2" -v s="${3:-1}" 'BEGIN {
    n = b; sub(/^> /, "", n); sub(/ .*/, "", n)
    printf "%s%.0f×", (b ~ /^>/ ? "> " : ""), s * n / a }'
}
ideal_ms=$(per_image)
ng=$(ngspice_image)
echo "| ideal wires, per image | $ideal_ms ms | $ng s | $(ratio "$ideal_ms" "$ng" 1e3) |"
whole=$(best_time 1 "$xb" mnist infer --wire-r 1)
ng=$(ngspice_image --wire-r 1)
echo "| 1 Ω wires, all 2,000 images, whole process | $whole s | $ng s per image | $(ratio "$whole" "$ng" 2000) |"
t1r=$(per_image --cell 1t1r --wire-r 1 --limit 10)
ng=$(ngspice_image --cell 1t1r --wire-r 1)
echo "| 1T1R cells, 1 Ω wires, per image | $t1r ms | $ng s | $(ratio "$t1r" "$ng" 1e3) |"
echo
echo "## ngspice 39 against xbspice on the exported deck (5 images, 1 Ω wires)"
echo
"$xb" mnist deck --wire-r 1 --first 5 --to ngspice -o "$tmp/ng5.sp" > /dev/null
"$xb" mnist deck --wire-r 1 --first 5 -o "$tmp/xb5.sp" > /dev/null
ngspice -b -r "$tmp/ng5.raw" "$tmp/ng5.sp" > /dev/null 2>&1
"$xb" run "$tmp/xb5.sp" -o "$tmp/xb5.csv" > /dev/null
signals=()
for k in 0 1 2 3 4 5 6 7 8 9; do signals+=("v(out$k)"); done
for k in 0 21 42 63; do signals+=("v(h$k)"); done
echo '```'
"$xb" compare "$tmp/ng5.raw" "$tmp/xb5.csv" --reltol 1e-6 --abstol 1e-8 -s "${signals[@]}"
echo '```'
