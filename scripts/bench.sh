#!/usr/bin/env bash
# Builds the release preset and runs every benchmark and measurement tool.
# Figures go to stdout; docs/performance.md and docs/quality.md record them.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh >/dev/null
cmake --preset release >/dev/null
cmake --build --preset release -j "$(nproc)"
echo "== clean throughput"
build/release/bench/clean_throughput "${BENCH_MB:-100}"
if [ -x build/release/bench/repair_accuracy ]; then
  echo "== repair accuracy"
  build/release/bench/repair_accuracy
fi
