#!/usr/bin/env bash
# Redraws the plots of docs/devices.md from the device regression decks.
# Usage: docs/make_device_plots.sh [BUILD_DIR]
set -euo pipefail
build=${1:-build}
here=$(cd "$(dirname "$0")" && pwd)
decks=$here/../tests/regress/devices
xb=$build/frontends/xbspice
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
"$xb" run "$decks/taox_iv_states.sp" -o "$tmp/iv.csv" > /dev/null
"$xb" plot "$tmp/iv.csv" -o "$here/plots/taox_iv.svg" -s 'i(vm1)' 'i(vm2)' 'i(vm3)' 'i(vm4)' \
  --title "TaOx I-V at held states x = 0.05, 0.3, 0.7, 1 (vm1..vm4)" --ylabel "current (A)"
for kind in set reset; do
  "$xb" run "$decks/taox_${kind}_train.sp" -o "$tmp/$kind.csv" > /dev/null
  "$xb" plot "$tmp/$kind.csv" -o "$here/plots/taox_${kind}_state.svg" -s 'v(x1.x)' \
    --title "TaOx ${kind^^} pulse train: state" --ylabel "state x"
  "$xb" plot "$tmp/$kind.csv" -o "$here/plots/taox_${kind}_current.svg" -s 'i(x1)' \
    --title "TaOx ${kind^^} pulse train: current" --ylabel "current (A)"
done
"$xb" run "$decks/taox_sine.sp" -o "$tmp/sine.csv" > /dev/null
"$xb" plot "$tmp/sine.csv" -o "$here/plots/taox_sine_state.svg" -s 'v(x1.x)' \
  --title "TaOx under a 1 MHz, 1.5 V sine through 500 ohm: state" --ylabel "state x"
