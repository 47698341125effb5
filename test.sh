#!/usr/bin/env bash
# Runs every test once on SQLite, and again on PostgreSQL those whose engine matters (classes marked
# [Trait("Engine", "Both")]: storage, posting, sync, migrations); the browser tests run in Chromium.
# Sets up what the tests need itself: installs PostgreSQL's server and Chromium when they are missing
# (Debian packages, as root), starts a throwaway PostgreSQL cluster on loopback and removes it afterwards.
# Usage: ./test.sh [extra dotnet test arguments, e.g. --filter "FullyQualifiedName~Sync"]
set -euo pipefail
cd "$(dirname "$0")"

PG_PORT=${PG_PORT:-55432}

# What a fresh Debian machine lacks: PostgreSQL's server binaries and Chromium for the browser tests.
need=()
ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || need+=(postgresql)
[ -x /usr/bin/chromium ] || need+=(chromium)
if [ ${#need[@]} -gt 0 ]; then
  if [ "$(id -u)" != "0" ]; then
    echo "Missing ${need[*]}: install them (sudo apt-get install ${need[*]}) or run this as root."; exit 1
  fi
  echo "==> Installing ${need[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq "${need[@]}" >/dev/null
fi

PG_BIN=${PG_BIN:-$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)}
PG_DIR=$(mktemp -d /tmp/psabridge-pg.XXXXXX)
RESULTS=$(mktemp -d /tmp/psabridge-results.XXXXXX)
# The tests' databases go under this run's own temporary folder, so runs side by side never remove each other's.
export TMPDIR=$(mktemp -d /tmp/psabridge-tmp.XXXXXX)

cleanup() {
  if [ -f "$PG_DIR/data/postmaster.pid" ]; then
    run_pg "$PG_BIN/pg_ctl" -D "$PG_DIR/data" -m immediate stop >/dev/null 2>&1 || true
  fi
  rm -rf "$PG_DIR" "$RESULTS" "$TMPDIR"
}
trap cleanup EXIT

# PostgreSQL refuses to run as root: run it as the postgres user when we are root.
run_pg() {
  if [ "$(id -u)" = "0" ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

# The caller's --filter, if any, is combined with the engine filter of the PostgreSQL run.
filter=""
args=()
while [ $# -gt 0 ]; do
  case "$1" in
    --filter) filter="$2"; shift 2 ;;
    --filter=*) filter="${1#--filter=}"; shift ;;
    *) args+=("$1"); shift ;;
  esac
done

echo "==> Building"
dotnet build PsaBridge.slnx -c Release -warnaserror -nologo -clp:ErrorsOnly

echo "==> Starting a throwaway PostgreSQL on 127.0.0.1:$PG_PORT"
chmod 755 "$PG_DIR"
[ "$(id -u)" = "0" ] && chown postgres "$PG_DIR"
run_pg "$PG_BIN/initdb" -D "$PG_DIR/data" -U postgres -A trust -E UTF8 --locale=C.UTF-8 >/dev/null
run_pg "$PG_BIN/pg_ctl" -D "$PG_DIR/data" -l "$PG_DIR/log" -w \
  -o "-c listen_addresses=127.0.0.1 -p $PG_PORT -k $PG_DIR -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=300" start >/dev/null
export PSABRIDGE_TEST_PG="Host=127.0.0.1;Port=$PG_PORT;Username=postgres;Pooling=true;Maximum Pool Size=50"

if [ -x /usr/bin/chromium ]; then export PSABRIDGE_CHROMIUM=/usr/bin/chromium; fi

status=0
for engine in sqlite postgres; do
  run_filter="$filter"
  if [ "$engine" = postgres ]; then run_filter="${filter:+($filter)&}Engine=Both"; fi
  echo "==> Tests on $engine${run_filter:+ ($run_filter)}"
  PSABRIDGE_TEST_ENGINE=$engine dotnet test PsaBridge.slnx -c Release --no-build -nologo \
    --logger "trx;LogFilePrefix=$engine" --results-directory "$RESULTS" ${run_filter:+--filter "$run_filter"} ${args[@]+"${args[@]}"} || status=1
done

# One closing line over both runs, read from the test result files, and how many distinct tests ran.
python3 - "$RESULTS" <<'PY'
import sys, glob, xml.etree.ElementTree as ET
passed = failed = skipped = 0
names = set()
for f in glob.glob(sys.argv[1] + "/**/*.trx", recursive=True):
    root = ET.parse(f).getroot()
    for t in root.iter("{http://microsoft.com/schemas/VisualStudio/TeamTest/2010}UnitTestResult"):
        names.add(t.get("testName"))
    c = root.find(".//{*}Counters")
    if c is None: continue
    passed += int(c.get("passed", 0)); failed += int(c.get("failed", 0)) + int(c.get("error", 0)) + int(c.get("timeout", 0))
    skipped += int(c.get("notExecuted", 0))
print(f"{len(names)} distinct tests")
print(f"{passed} passed, {failed} failed, {skipped} skipped")
PY
exit $status
