#!/usr/bin/env bash
# Sets up, builds the release binary and runs the main job on the bundled
# sample document. Extra arguments go to `dondoc clean` (e.g. --format json).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh >/dev/null
cmake --preset release >/dev/null
cmake --build --preset release -j "$(nproc)" --target dondoc >/dev/null
exec build/release/dondoc clean data/samples/ke-hoach-mau.txt "$@"
