#!/usr/bin/env bash
# Issue 6's proof in CI, run by .ci/run after README's build and tests: sanitizer builds running
# the tests, clang-tidy and cppcheck over the project's own sources, and bounded fuzzing of the scenario loader.
# Every stage prints a header and its time, and any finding fails the script (exit 1).
#
# Usage: scripts/checks.sh [STAGE...]   STAGE: asan tsan tidy cppcheck fuzz
# Default: all five, as .ci/run runs them. Debian's libtbb is not built with ThreadSanitizer; the
# tsan stage shows TSan TBB's fork and join through TBB's ITT notifications
# (tests/tsan/itt_to_tsan.cpp, .ci/tsan.supp), runs the parallel, recorder and determinism tests
# with halt_on_error=1, and checks that a deliberate race in a parallel loop is still reported.
# Build directories: build-asan, build-tsan (unity builds, the project's default), build-tidy (only
# configured, for clang-tidy's compile database), build-fuzz (scripts/fuzz.sh).
# Extra CMake arguments for the sanitizer builds (e.g. a compiler launcher): JOBSIM_CHECKS_CMAKE_ARGS.
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$root"

stages=("$@")
if [[ ${#stages[@]} -eq 0 ]]; then
  stages=(asan tsan tidy cppcheck fuzz)
fi
jobs=$(nproc)
read -r -a extra_cmake <<<"${JOBSIM_CHECKS_CMAKE_ARGS:-}"
# The project's own code (not tests, not third-party headers).
sources=(sim output app analysis)

scripts/setup.sh --checks

stage_start=0
header() {
  stage_start=$SECONDS
  printf '\n==== checks: %s ====\n' "$1"
}
footer() {
  printf '==== checks: %s passed (%d s) ====\n' "$1" $((SECONDS - stage_start))
}

# Sanitizer builds: GCC 12 (the README's compiler; Debian's clang 14 cannot compile GCC 12's
# <ranges>), -O1 for speed with usable stacks, assertions on, warnings as errors.
configure_sanitized() {
  local dir=$1 sanitize=$2
  cmake -S . -B "$dir" -DCMAKE_BUILD_TYPE=Debug -DCMAKE_CXX_FLAGS_DEBUG="-O1 -g1" \
    -DJOBSIM_WERROR=ON -DJOBSIM_SANITIZE="$sanitize" "${extra_cmake[@]}" >/dev/null
}

asan() {
  header "AddressSanitizer + UndefinedBehaviorSanitizer: the whole test suite"
  configure_sanitized build-asan "address,undefined"
  cmake --build build-asan -j"$jobs"
  ASAN_OPTIONS=detect_leaks=1:strict_string_checks=1:detect_stack_use_after_return=1 \
    UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
    ctest --test-dir build-asan --output-on-failure -j"$jobs"
  footer asan
}

tsan() {
  header "ThreadSanitizer: the parallel and determinism tests"
  # Only the targets these tests use (test_sim_threads is defined only in a TSan build): the
  # engine's parallel tests, the recorder's (background writes) and the determinism suite.
  configure_sanitized build-tsan thread
  # tests/tsan: the ITT collector that shows TSan TBB's fork and join, and its own two tests.
  cmake --build build-tsan -j"$jobs" --target test_sim_threads test_output write_sample_file \
    jobsim jobsim_itt_to_tsan tsan_tbb_fork_join tsan_tbb_racy
  # The tests' ENVIRONMENT loads the collector (tests/CMakeLists.txt); .ci/tsan.supp says what is
  # still suppressed (TBB's reuse of its own task objects) and why.
  # Left out: two statistical tests that test_sim_threads' files also hold (400 trial replications,
  # a two-year calibration run), not about threads and 5 minutes of CPU under TSan.
  TSAN_OPTIONS="suppressions=$root/.ci/tsan.supp:halt_on_error=1:second_deadlock_stack=1" \
    ctest --test-dir build-tsan --output-on-failure -j"$jobs" -L "tsan|output|determinism" \
    -E "^tsan\.(trial: with identical arms|system: the labour market stays near)"
  footer tsan
}

tidy() {
  header "clang-tidy (.clang-tidy) over ${sources[*]}"
  # Its own configuration without unity batches, so the compile database names every source file
  # (a unity build's database names the batches, which clang-tidy would check as one file each).
  cmake -S . -B build-tidy -DJOBSIM_WERROR=ON -DCMAKE_UNITY_BUILD=OFF "${extra_cmake[@]}" >/dev/null
  local pattern expected listed
  pattern="$root/($(IFS='|'; echo "${sources[*]}"))/.*\\.cpp\$"
  expected=$(find "${sources[@]}" -name '*.cpp' | wc -l)
  listed=$(grep -cE "\"file\": \"${pattern%\$}\"" build-tidy/compile_commands.json || true)
  if [[ $listed -ne $expected ]]; then
    echo "checks.sh: build-tidy's compile database names $listed of the $expected source files" >&2
    exit 1
  fi
  # The database holds GCC's flags: clang ignores the warning options it does not know.
  # .ci/clang14 supplies <source_location>, which clang 14 cannot parse from GCC 12's library.
  run-clang-tidy-14 -quiet -p build-tidy -j"$jobs" -extra-arg-before=-isystem"$root/.ci/clang14" \
    -extra-arg=-Wno-unknown-warning-option "$pattern"
  footer tidy
}

cppcheck_stage() {
  header "cppcheck over ${sources[*]}"
  # Suppressions (each with its reason) are in .ci/cppcheck.supp.
  cppcheck --quiet --error-exitcode=1 --inline-suppr -j"$jobs" --std=c++20 --language=c++ \
    --enable=warning,performance,portability --suppressions-list=.ci/cppcheck.supp \
    -I . -DJOBSIM_VERSION='"0"' "${sources[@]}"
  footer cppcheck
}

fuzz() {
  # ---- fuzzing: scripts/fuzz.sh (libFuzzer over the scenario loader, bounded time) goes here.
  if [[ -x scripts/fuzz.sh ]]; then
    header "libFuzzer: scripts/fuzz.sh"
    scripts/fuzz.sh
    footer fuzz
  fi
}

total_start=$SECONDS
for stage in "${stages[@]}"; do
  case "$stage" in
    asan | tsan | tidy | fuzz) "$stage" ;;
    cppcheck) cppcheck_stage ;;
    *) echo "checks.sh: unknown stage '$stage' (asan tsan tidy cppcheck fuzz)" >&2; exit 2 ;;
  esac
done
printf '\n==== checks: all passed (%d s) ====\n' $((SECONDS - total_start))
