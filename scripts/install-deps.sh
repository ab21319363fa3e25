#!/usr/bin/env bash
# Installs, from Debian 12 packages, whatever the build and the tests need and is not yet there.
# Idempotent: when every package is already installed it touches nothing and needs no network.
set -euo pipefail
packages=(g++ cmake make pkg-config libeigen3-dev libsuitesparse-dev libboost-program-options-dev
          libgtest-dev libbenchmark-dev libopenblas0-pthread ngspice adms)
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "ok installed" || missing+=("$p")
done
if ((${#missing[@]})); then
  echo "install-deps: installing ${missing[*]}" >&2
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi
