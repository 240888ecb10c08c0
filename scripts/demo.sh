#!/usr/bin/env bash
# The main job: sets up, builds the release binary and starts the server on
# embedded SQLite with demo data (a year of a province's agencies, documents
# and task history, created once in ./dondoc-demo.db). Extra arguments go to
# `dondoc serve` (e.g. --listen 0.0.0.0:8080). Stop it with Ctrl-C.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh >/dev/null
cmake --preset release >/dev/null
cmake --build --preset release -j "$(nproc)" --target dondoc >/dev/null
exec build/release/dondoc serve --demo --db "sqlite:${DONDOC_DEMO_DB:-./dondoc-demo.db}" "$@"
