#!/usr/bin/env bash
# Parser benchmark (issue 3): parse + elaborate a 128x128 crossbar with wire resistance and a
# 1,000,000-element deck; prints a Markdown table for docs/performance.md.
# Usage: bench/parse_bench.sh [BUILD_DIR]   (a Release build; default: build)
set -euo pipefail
build=${1:-build}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
"$build/bench/gen_crossbar" 128 > "$tmp/xbar128.sp"
"$build/bench/gen_crossbar" --chain 1000000 > "$tmp/chain1m.sp"
echo "| deck | elements | file size | parse | parse + elaborate | peak RSS | target |"
echo "|---|---|---|---|---|---|---|"
row() {
  local name=$1 file=$2 target=$3
  local out size
  out=$("$build/bench/parse_bench" "$file" 3)
  size=$(du -h "$file" | cut -f1)
  eval "$(echo "$out" | tr ' ' '\n' | sed 's/^/local /')"
  echo "| $name | $elements | $size | ${parse_s} s | ${parse_elaborate_s} s | ${peak_rss_mb} MB | $target |"
}
row "128×128 crossbar, 1 Ω wires" "$tmp/xbar128.sp" "< 0.2 s"
row "1,000,000-resistor chain" "$tmp/chain1m.sp" "< 3 s, < 1 GB"
