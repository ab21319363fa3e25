#!/usr/bin/env bash
# Representable-matrices mapping benchmark (issue 16): the largest output error over 1,000
# random inputs of the mapped crossbar beside the baseline of Hu et al., against the array size
# (1 Ω wires; conductor cells, and 1T1M cells verified as the nonlinear TaOx + NMOS crossbar)
# and against the wire resistance (64×64, conductor cells), the paper's setup otherwise (100 Ω
# ports, 2 kΩ–3 MΩ cells, 8-bit levels, inputs up to 0.2 V). Writes docs/plots/mapping_size.svg and
# docs/plots/mapping_wire.svg and prints Markdown tables for docs/mapping.md.
# Usage: bench/mapping_bench.sh [BUILD_DIR]
set -euo pipefail
build=${1:-build}
here=$(cd "$(dirname "$0")" && pwd)
xb="$build/frontends/xbspice"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
# "max output error: mapped X, baseline Y, ratio R, time T s" -> "X Y R T"
fields() { sed -n 's/^max output error: mapped \(.*\), baseline \(.*\), ratio \(.*\), time \(.*\) s$/\1 \2 \3 \4/p'; }

echo "| size | mapped | baseline (Hu et al.) | ratio | time |"
echo "|---|---|---|---|---|"
echo "size,mapped,baseline,mapped 1T1M,baseline 1T1M" > "$tmp/size.csv"
for n in 16 32 64 128; do
  read -r m b r t < <("$xb" crossbar map --size "$n" | fields)
  echo "| ${n}×${n} | $m | $b | $r | $t s |"
  read -r m1 b1 r1 t1 < <("$xb" crossbar map --size "$n" --cell 1t1m | fields)
  echo "| ${n}×${n} 1T1M | $m1 | $b1 | $r1 | $t1 s |"
  echo "$n,$m,$b,$m1,$b1" >> "$tmp/size.csv"
done
"$xb" plot "$tmp/size.csv" -o "$here/../docs/plots/mapping_size.svg" \
  --title "largest output error over 1,000 random inputs, 1 ohm wires" \
  --ylabel "error / full-scale output"
echo
echo "| wire per segment (64×64) | mapped | baseline (Hu et al.) | ratio | time |"
echo "|---|---|---|---|---|"
echo "wire_r,mapped,baseline" > "$tmp/wire.csv"
for w in 0.25 0.5 1 2 4; do
  read -r m b r t < <("$xb" crossbar map --size 64 --wire-r "$w" | fields)
  echo "| $w Ω | $m | $b | $r | $t s |"
  echo "$w,$m,$b" >> "$tmp/wire.csv"
done
"$xb" plot "$tmp/wire.csv" -o "$here/../docs/plots/mapping_wire.svg" \
  --title "largest output error over 1,000 random inputs, 64x64" \
  --ylabel "error / full-scale output"
