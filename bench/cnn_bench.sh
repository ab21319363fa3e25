#!/usr/bin/env bash
# CNN on crossbars (issue 16): xbspice's time per image through both layers (`cnn infer`, all
# 2,000 test images) beside Debian's ngspice running the same two per-layer decks for one image
# (conv: its 100 patches as a .dc sweep; fc: an .op), ideal and 1 Ω wires, tiles of 64 rows.
# Prints a Markdown table for docs/cnn.md.
# Usage: bench/cnn_bench.sh [BUILD_DIR]
set -euo pipefail
build=${1:-build}
xb="$build/frontends/xbspice"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
# Wall seconds of a command (its own output dropped).
seconds() { { /usr/bin/time -f "%e" "$@" >/dev/null 2>"$tmp/err" || true; } ; tail -1 "$tmp/err"; }
echo "| wires | xbspice per image | accuracy (circuit / software) | ngspice per image (conv + fc decks) | ratio |"
echo "|---|---|---|---|---|"
for w in 0 1; do
  report=$("$xb" cnn infer --wire-r "$w")
  per_image=$(sed -n 's/^time: setup .* s, \(.*\) ms per image$/\1/p' <<<"$report")
  accuracy=$(sed -n 's/^accuracy: circuit \(.*\) %, software \(.*\) %, agreement .*$/\1 % \/ \2 %/p' <<<"$report")
  total=0
  for layer in conv fc; do
    "$xb" cnn deck --layer "$layer" --wire-r "$w" --to ngspice -o "$tmp/$layer.sp"
    t=$(seconds ngspice -b -r "$tmp/$layer.raw" "$tmp/$layer.sp")  # -r: it simulates
    total=$(awk -v a="$total" -v b="$t" 'BEGIN { print a + b }')
  done
  ratio=$(awk -v n="$total" -v x="$per_image" 'BEGIN { printf "%.0f", n * 1000 / x }')
  echo "| $w Ω | $per_image ms | $accuracy | $total s | $ratio |"
done
