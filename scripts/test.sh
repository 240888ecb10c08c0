#!/usr/bin/env bash
# Installs what is missing, builds every configuration and runs every test:
#   release  (optimised) - unit, property and end-to-end CLI tests
#   asan     (debug, AddressSanitizer + UndefinedBehaviorSanitizer) - the same tests
#   fuzz     (clang, libFuzzer) - replays the fuzz corpora and a bounded fuzz run
# plus clang-format and clang-tidy checks. Exits non-zero on the first failure.
set -euo pipefail
cd "$(dirname "$0")/.."

scripts/setup.sh
JOBS="${JOBS:-$(nproc)}"

echo "== lint"
scripts/lint.sh

total_pass=0
total_fail=0
run_preset() {
  local preset="$1"
  shift
  echo "== build ($preset)"
  cmake --preset "$preset" >/dev/null
  cmake --build --preset "$preset" -j "$JOBS" "$@"
  echo "== test ($preset)"
  local log
  log="$(mktemp)"
  set +e
  ctest --test-dir "build/$preset" --output-on-failure -j "$JOBS" 2>&1 | tee "$log"
  local rc=${PIPESTATUS[0]}
  set -e
  local line
  line="$(grep -E 'tests passed, [0-9]+ tests failed out of [0-9]+' "$log" | tail -1)"
  rm -f "$log"
  if [[ "$line" =~ ([0-9]+)\ tests\ failed\ out\ of\ ([0-9]+) ]]; then
    total_fail=$((total_fail + BASH_REMATCH[1]))
    total_pass=$((total_pass + BASH_REMATCH[2] - BASH_REMATCH[1]))
  fi
  if [ "$rc" -ne 0 ]; then
    echo "test.sh: $preset tests failed"
    echo "$total_pass passed, $total_fail failed"
    exit 1
  fi
}

run_preset release
run_preset asan
run_preset fuzz --target fuzzers

echo "== all configurations"
echo "$total_pass passed, $total_fail failed"
