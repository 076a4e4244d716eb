#!/usr/bin/env bash
# Installs the Debian 12 packages jobsim needs to build, test and read its output, when they are
# missing. Idempotent, and silent when everything is already there. Needs root (or sudo).
# With --checks, also what scripts/checks.sh needs (sanitizer runtimes, clang-tidy, cppcheck).
set -euo pipefail

packages=(
  build-essential   # g++ 12, make
  cmake             # 3.25
  libtbb-dev        # oneTBB: parallel phases
  libhdf5-dev       # HDF5 1.10 (C and HL): output
  hdf5-tools        # h5diff, h5dump: comparing and inspecting output
  libyaml-cpp-dev   # scenario files
  catch2            # unit tests (v2)
  libboost-dev      # Boost.Random distributions
  libcli11-dev      # command line
  python3           # /usr/bin/python3 for the command-line and consumer tests
  python3-h5py      # reading output without jobsim
  python3-numpy
  clang-format      # the repo's .clang-format (version 14)
)
if [[ "${1:-}" == "--checks" ]]; then
  packages+=(
    clang              # clang 14: libFuzzer (scripts/fuzz.sh)
    libclang-rt-14-dev # clang's sanitizer and libFuzzer runtimes
    clang-tidy         # clang-tidy 14 and run-clang-tidy-14 (.clang-tidy)
    cppcheck           # cppcheck 2.10
  )
elif [[ $# -gt 0 ]]; then
  echo "usage: setup.sh [--checks]" >&2
  exit 2
fi

missing=()
for package in "${packages[@]}"; do
  status=$(dpkg-query -W -f='${Status}' "$package" 2>/dev/null || true)
  if [[ "$status" != "install ok installed" ]]; then
    missing+=("$package")
  fi
done
if [[ ${#missing[@]} -eq 0 ]]; then
  exit 0
fi

as_root=()
if [[ $(id -u) -ne 0 ]]; then
  if ! command -v sudo >/dev/null; then
    echo "setup.sh: missing packages (${missing[*]}); run as root to install them" >&2
    exit 1
  fi
  as_root=(sudo)
fi
echo "setup.sh: installing ${missing[*]}" >&2
"${as_root[@]}" apt-get update -qq
"${as_root[@]}" env DEBIAN_FRONTEND=noninteractive \
  apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
echo "setup.sh: done" >&2
