#!/usr/bin/env bash
# A throwaway PostgreSQL 15 cluster for the tests.
#
#   scripts/pg_cluster.sh start DIR   initdb in DIR, start the server, create
#                                     the database dondoc_test, print its URL
#   scripts/pg_cluster.sh stop DIR    stop the server and remove DIR
#   scripts/pg_cluster.sh url DIR     print the URL of the running cluster
#
# The server listens on 127.0.0.1 only, on a free port chosen at start (so
# several build directories can each run one), with its unix socket inside
# DIR, fsync off (the data is thrown away) and trust authentication for the
# superuser "dondoc". PostgreSQL refuses to run as root: under root the
# server runs as the system user $DONDOC_PG_USER (default "postgres" when it
# exists, else "dondoc-test", created on first use). When that user cannot
# reach DIR (a checkout under /root) or the socket path would be too long,
# the cluster lives in a fresh directory under TMPDIR named in DIR/location.
# start writes the URL to DIR/url; ctest registers start/stop as a fixture
# (tests/CMakeLists.txt).
#
# Never skips: when PostgreSQL is missing or will not start, start fails with
# a message saying why.
set -euo pipefail
PATH="$PATH:/usr/sbin:/sbin"  # runuser, useradd

die() {
  echo "pg_cluster: $*" >&2
  exit 1
}

usage() {
  echo "usage: $0 start|stop|url DIR" >&2
  exit 2
}

[ $# -eq 2 ] || usage
command="$1"
dir="$2"
[ -n "$dir" ] || usage
case "$dir" in
  /*) ;;
  *) dir="$PWD/$dir" ;;
esac

find_bindir() {
  local candidate
  for candidate in "${DONDOC_PG_BINDIR:-}" /usr/lib/postgresql/15/bin; do
    if [ -n "$candidate" ] && [ -x "$candidate/initdb" ] && [ -x "$candidate/pg_ctl" ]; then
      echo "$candidate"
      return 0
    fi
  done
  if command -v pg_config >/dev/null 2>&1; then
    candidate="$(pg_config --bindir)"
    if [ -x "$candidate/initdb" ] && [ -x "$candidate/pg_ctl" ]; then
      echo "$candidate"
      return 0
    fi
  fi
  return 1
}

# The user the server runs as; empty when we are not root (run as ourselves).
run_user=""
pick_user() {
  if [ "$(id -u)" -ne 0 ]; then
    return 0
  fi
  if [ -n "${DONDOC_PG_USER:-}" ]; then
    run_user="$DONDOC_PG_USER"
  elif id -u postgres >/dev/null 2>&1; then
    run_user=postgres
  else
    run_user=dondoc-test
  fi
  if ! id -u "$run_user" >/dev/null 2>&1; then
    useradd --system --no-create-home --shell /usr/sbin/nologin "$run_user" ||
      die "cannot create the system user $run_user to run PostgreSQL (it refuses to run as root)"
  fi
}

as_user() {
  if [ -n "$run_user" ]; then
    runuser -u "$run_user" -- "$@"
  else
    "$@"
  fi
}

# Where the cluster lives: DIR itself, or the directory named in
# DIR/location when DIR was not usable (see start).
cluster_root() {
  if [ -f "$dir/location" ]; then cat "$dir/location"; else echo "$dir"; fi
}

# Stops a server left running in DIR (by an earlier interrupted run, or as
# part of stop) and removes DIR.
teardown() {
  local bindir="$1" root
  root="$(cluster_root)"
  if [ -f "$root/data/postmaster.pid" ] && [ -n "$bindir" ]; then
    pick_user
    as_user "$bindir/pg_ctl" -D "$root/data" -m immediate -w -t 30 stop >/dev/null 2>&1 || true
  fi
  if [ -f "$root/data/postmaster.pid" ]; then
    # pg_ctl could not stop it (binaries gone?): end the postmaster by its pid.
    local pid
    pid="$(head -1 "$root/data/postmaster.pid" 2>/dev/null || true)"
    if [[ "$pid" =~ ^[0-9]+$ ]] && kill -0 "$pid" 2>/dev/null; then
      kill -QUIT "$pid" 2>/dev/null || true
      sleep 1
    fi
  fi
  case "$root" in
    "$dir" | */dondoc-pg.*) rm -rf "$root" ;;
  esac
  rm -rf "$dir"
}

port_in_use() {
  (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null
}

start() {
  local bindir
  bindir="$(find_bindir)" ||
    die "PostgreSQL 15 server binaries (initdb, pg_ctl) not found in /usr/lib/postgresql/15/bin or pg_config --bindir; install postgresql-15 (scripts/setup.sh) or set DONDOC_PG_BINDIR"
  pick_user
  teardown "$bindir"
  mkdir -p "$dir"
  # The cluster lives in DIR unless the server's user cannot reach it (a
  # checkout under /root, say) or the socket path would not fit in
  # sockaddr_un (107 bytes): then in a fresh directory under TMPDIR, named
  # in DIR/location.
  local root="$dir"
  if [ -n "$run_user" ]; then chown "$run_user" "$dir"; fi
  local socket_path="$dir/.s.PGSQL.65535"
  if [ "${#socket_path}" -gt 100 ] || ! as_user test -w "$dir" 2>/dev/null; then
    root="$(mktemp -d "${TMPDIR:-/tmp}/dondoc-pg.XXXXXX")" || die "cannot create a directory in ${TMPDIR:-/tmp}"
    if [ -n "$run_user" ]; then chown "$run_user" "$root"; fi
    echo "$root" >"$dir/location"
    as_user test -w "$root" || die "user ${run_user:-$(id -un)} cannot write $root"
  fi
  chmod 700 "$root"

  if ! as_user "$bindir/initdb" -D "$root/data" -U dondoc --auth=trust --encoding=UTF8 \
    --locale=C.UTF-8 --no-sync >"$root/initdb.log" 2>&1; then
    cat "$root/initdb.log" >&2
    die "initdb failed in $root/data (log above)"
  fi
  cat >>"$root/data/postgresql.conf" <<EOF
# dondoc test cluster: loopback only, disposable data.
listen_addresses = '127.0.0.1'
unix_socket_directories = '$root'
fsync = off
synchronous_commit = off
full_page_writes = off
max_connections = 200
logging_collector = off
EOF

  # A random port, retried when taken (the check and the bind can race with
  # another process, so a failed start also moves on to another port).
  local attempt port started=""
  for attempt in 1 2 3 4 5 6 7 8 9 10; do
    port=$((20000 + (RANDOM * 32768 + RANDOM) % 40000))
    if port_in_use "$port"; then
      continue
    fi
    if as_user "$bindir/pg_ctl" -D "$root/data" -l "$root/server.log" -o "-p $port" -w -t 60 \
      start >/dev/null 2>&1; then
      started=1
      break
    fi
    if ! grep -qiE 'could not (bind|create any TCP)|address already in use' "$root/server.log" 2>/dev/null; then
      break
    fi
    echo "pg_cluster: port $port taken (attempt $attempt), trying another" >&2
  done
  if [ -z "$started" ]; then
    tail -20 "$root/server.log" >&2 2>/dev/null || true
    die "PostgreSQL server did not start in $root (server log above)"
  fi

  if ! as_user "$bindir/psql" -X -q -v ON_ERROR_STOP=1 -h 127.0.0.1 -p "$port" -U dondoc -d postgres \
    -c "CREATE DATABASE dondoc_test" >/dev/null; then
    teardown "$bindir"
    die "could not create the database dondoc_test on 127.0.0.1:$port"
  fi
  local url="postgresql://dondoc@127.0.0.1:$port/dondoc_test"
  echo "$url" >"$dir/url"
  chmod 644 "$dir/url"
  echo "$url"
}

case "$command" in
  start) start ;;
  stop)
    teardown "$(find_bindir || true)"
    echo "pg_cluster: stopped, removed $dir"
    ;;
  url)
    [ -f "$dir/url" ] || die "no cluster running in $dir (run: $0 start $dir)"
    cat "$dir/url"
    ;;
  *) usage ;;
esac
