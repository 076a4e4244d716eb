#!/bin/bash
# Fuzzes the scenario loader (tests/fuzz/fuzz_scenario.cpp) for SECONDS (default 60) with libFuzzer:
# configures and builds the target with clang++ in its own build folder, seeds a corpus from
# scenarios/*.yaml and tests/data/bad/*.yaml (copied at run time), and runs it. Prints the number of
# executions; exits non-zero when the fuzzer finds a crash, a sanitizer report, an uncaught
# exception or a hang (the input is left as crash-*/timeout-*/oom-* in the work folder it names).
#
# Usage: scripts/fuzz.sh [SECONDS]
# Environment: JOBSIM_FUZZ_BUILD (build folder, default build-fuzz), JOBSIM_FUZZ_WORK (corpus and
# findings, default $JOBSIM_FUZZ_BUILD/work; the corpus grows there across runs), JOBSIM_FUZZ_JOBS
# (parallel build jobs, default 2).
set -euo pipefail

seconds="${1:-60}"
root="$(cd "$(dirname "$0")/.." && pwd)"
build="${JOBSIM_FUZZ_BUILD:-$root/build-fuzz}"
work="${JOBSIM_FUZZ_WORK:-$build/work}"

mkdir -p "$build"
cmake -S "$root" -B "$build" -DCMAKE_BUILD_TYPE=RelWithDebInfo -DCMAKE_CXX_COMPILER=clang++ \
    -DCMAKE_C_COMPILER=clang -DJOBSIM_FUZZ=ON -DJOBSIM_BUILD_TESTS=OFF -DJOBSIM_BUILD_BENCH=OFF \
    >"$build/configure.log" 2>&1 || { cat "$build/configure.log"; exit 1; }
cmake --build "$build" --target fuzz_scenario -j "${JOBSIM_FUZZ_JOBS:-2}"

mkdir -p "$work/corpus" "$work/seeds" "$work/findings" "$work/cwd"
cp "$root"/scenarios/*.yaml "$root"/tests/data/bad/*.yaml "$work/seeds/"

# Run from an empty folder, so `extends:` in a fuzzed input finds nothing to read by accident.
cd "$work/cwd"
status=0
"$build/tests/fuzz/fuzz_scenario" "$work/corpus" "$work/seeds" \
    -dict="$root/tests/fuzz/scenario.dict" -max_total_time="$seconds" -timeout=5 \
    -rss_limit_mb=2048 -max_len=16384 -print_final_stats=1 \
    -artifact_prefix="$work/findings/" 2>"$work/fuzz.log" || status=$?
grep -E "^stat::number_of_executed_units|^stat::peak_rss_mb|ERROR|SUMMARY|Test unit written" \
    "$work/fuzz.log" || true
if [ "$status" -ne 0 ]; then
    echo "fuzz.sh: the fuzzer found a problem (exit $status); see $work/fuzz.log and $work/findings" >&2
    tail -n 60 "$work/fuzz.log" >&2
    exit 1
fi
echo "fuzz.sh: no crash in ${seconds} s; corpus in $work/corpus"
