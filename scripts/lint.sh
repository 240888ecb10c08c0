#!/usr/bin/env bash
# clang-format must leave every C++ file as it is. clang-tidy runs when a
# compile database exists (after a release configure) and LINT_TIDY is not 0.
set -euo pipefail
cd "$(dirname "$0")/.."
mapfile -t files < <(git ls-files -co --exclude-standard -- '*.cc' '*.h' | grep -v '^build/')
if [ ${#files[@]} -eq 0 ]; then exit 0; fi
clang-format --dry-run -Werror "${files[@]}"
echo "lint: clang-format clean (${#files[@]} files)"
if [ "${LINT_TIDY:-1}" != "0" ]; then
  if [ ! -f build/release/compile_commands.json ]; then
    cmake --preset release >/dev/null
  fi
  mapfile -t sources < <(printf '%s\n' "${files[@]}" | grep -E '^src/.*\.cc$')
  run-clang-tidy -quiet -p build/release -j "${JOBS:-$(nproc)}" "${sources[@]}" >/tmp/dondoc-tidy.log 2>&1 || {
    grep -E 'error|warning' /tmp/dondoc-tidy.log | head -50
    echo "lint: clang-tidy found problems (full log /tmp/dondoc-tidy.log)"
    exit 1
  }
  echo "lint: clang-tidy clean (${#sources[@]} files)"
fi
