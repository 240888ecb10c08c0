#!/usr/bin/env bash
# The server under wrk (issue 5's benchmark): `dondoc serve` on a loaded
# database, and wrk on three endpoints of that same server in the same run:
#
#   ceiling    GET /api/v1/health                      (no database work)
#   task list  GET /api/v1/tasks?agency=A&as_of=D       (one agency's first page)
#   dashboard  GET /api/v1/status?as_of=D               (four-way counts per agency)
#
# For each: requests/s, p50 and p99 latency (wrk --latency), and the server's
# resident memory (VmRSS now, VmHWM peak) after the runs.
#
#   bench/http_bench.sh [--dondoc BIN] [--db PATH] [--day YYYY-MM-DD]
#                       [--agency NAME] [--seconds N] [--connections N]
#
# The database must be at this build's schema, e.g. the one
# bench/tracking_bench leaves at --db (demo data, 1 M tasks at --scale 1). The
# agency defaults to the one leading the most tasks on the day. wrk and the
# server share the machine: the figures are ratios to the ceiling measured in
# the same run, not absolute capacities.
set -euo pipefail

dondoc="build/release/dondoc"
db="/tmp/dondoc-tracking-bench-1000000.db"
day="2025-12-31"
agency=""
seconds=10
connections=32
while [ $# -gt 0 ]; do
  case "$1" in
    --dondoc) dondoc="$2"; shift 2 ;;
    --db) db="$2"; shift 2 ;;
    --day) day="$2"; shift 2 ;;
    --agency) agency="$2"; shift 2 ;;
    --seconds) seconds="$2"; shift 2 ;;
    --connections) connections="$2"; shift 2 ;;
    *) echo "usage: $0 [--dondoc BIN] [--db PATH] [--day D] [--agency NAME] [--seconds N] [--connections N]" >&2; exit 2 ;;
  esac
done
command -v wrk >/dev/null || { echo "http_bench: wrk is not installed (scripts/setup.sh)" >&2; exit 1; }
[ -x "$dondoc" ] || { echo "http_bench: no dondoc binary at $dondoc (--dondoc)" >&2; exit 1; }
[ -f "$db" ] || { echo "http_bench: no database at $db (--db)" >&2; exit 1; }

if [ -z "$agency" ]; then
  # The busiest lead on the day, from the running counts (schema v6).
  agency="$(sqlite3 "$db" "SELECT a.name FROM agencies a JOIN status_totals s ON s.agency_id = a.id
    AND s.day = (SELECT max(day) FROM status_totals m WHERE m.agency_id = a.id
                 AND m.day <= CAST(julianday('$day') - 2440587.5 AS INTEGER))
    ORDER BY s.done_on_time + s.done_late + s.open_in_time + s.open_overdue DESC LIMIT 1")"
fi
encoded="$(python3 -c 'import sys, urllib.parse; print(urllib.parse.quote(sys.argv[1]))' "$agency")"

port="$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')"
base="http://127.0.0.1:$port/api/v1"
log="$(mktemp)"
"$dondoc" serve --db "sqlite:$db" --listen "127.0.0.1:$port" >"$log" 2>&1 &
server=$!
trap 'kill "$server" 2>/dev/null || true; wait "$server" 2>/dev/null || true; rm -f "$log"' EXIT
for _ in $(seq 1 100); do
  curl -fsS "$base/health" >/dev/null 2>&1 && break
  kill -0 "$server" 2>/dev/null || { cat "$log" >&2; echo "http_bench: the server stopped" >&2; exit 1; }
  sleep 0.2
done
# Each endpoint answers before it is measured (and the list is not empty).
curl -fsS "$base/tasks?agency=$encoded&as_of=$day" | python3 -c '
import json, sys
body = json.load(sys.stdin)
tasks = body.get("tasks", [])
if not tasks: sys.exit("http_bench: the task list is empty")'
curl -fsS "$base/status?as_of=$day" >/dev/null

echo "http_bench: $db, day $day, agency \"$agency\", wrk -t2 -c$connections -d${seconds}s --latency"
run() {
  local label="$1" url="$2"
  local out
  out="$(wrk -t2 -c"$connections" -d"${seconds}s" --latency "$url")"
  if grep -q "Non-2xx" <<<"$out"; then
    echo "$out" >&2
    echo "http_bench: $label answered errors" >&2
    exit 1
  fi
  local rps p50 p99
  rps="$(awk '/^Requests\/sec:/ {print $2}' <<<"$out")"
  p50="$(awk '$1 == "50%" {print $2}' <<<"$out")"
  p99="$(awk '$1 == "99%" {print $2}' <<<"$out")"
  printf '%-10s %10s req/s  p50 %8s  p99 %8s\n' "$label" "$rps" "$p50" "$p99"
}
run ceiling "$base/health"
run tasks "$base/tasks?agency=$encoded&as_of=$day"
run dashboard "$base/status?as_of=$day"
awk '/^VmRSS|^VmHWM/ {printf "server %s %.0f MB\n", $1, $2 / 1024}' "/proc/$server/status"
