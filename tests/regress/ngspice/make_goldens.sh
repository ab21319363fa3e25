#!/usr/bin/env bash
# Regenerates golden/NAME.raw for every decks/NAME.sp with Debian's ngspice (ASCII raw, full
# precision). The test ngspice_regress compares xbspice with these files.
# Usage: tests/regress/ngspice/make_goldens.sh   (needs ngspice; bash scripts/install-deps.sh)
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
mkdir -p "$here/golden"
ngspice --version | head -2 | tail -1
failed=()
for deck in "$here"/decks/*.sp; do
  name=$(basename "$deck" .sp)
  if SPICE_ASCIIRAWFILE=1 ngspice -b -r "$here/golden/$name.raw" "$deck" > "$here/golden/$name.log" 2>&1 &&
     ! grep -qiE "error|failed" "$here/golden/$name.log"; then
    rm -f "$here/golden/$name.log"
    echo "golden/$name.raw"
  else
    failed+=("$name")
    echo "ngspice failed on $name: see golden/$name.log" >&2
  fi
done
if ((${#failed[@]})); then exit 1; fi
