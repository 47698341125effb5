#!/usr/bin/env bash
# Runs every test on SQLite and on PostgreSQL (and the browser tests in Chromium).
# Starts what the tests need itself: a throwaway PostgreSQL cluster on loopback, removed afterwards.
# Usage: ./test.sh [extra dotnet test arguments, e.g. --filter "FullyQualifiedName~Sync"]
set -euo pipefail
cd "$(dirname "$0")"

PG_BIN=${PG_BIN:-$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)}
PG_PORT=${PG_PORT:-55432}
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

echo "==> Building"
dotnet build PsaBridge.slnx -c Release -warnaserror -nologo -clp:ErrorsOnly

echo "==> Starting a throwaway PostgreSQL on 127.0.0.1:$PG_PORT"
if [ -z "$PG_BIN" ] || [ ! -x "$PG_BIN/initdb" ]; then
  echo "PostgreSQL server binaries not found (install postgresql)"; exit 1
fi
chmod 755 "$PG_DIR"
[ "$(id -u)" = "0" ] && chown postgres "$PG_DIR"
run_pg "$PG_BIN/initdb" -D "$PG_DIR/data" -U postgres -A trust -E UTF8 --locale=C.UTF-8 >/dev/null
run_pg "$PG_BIN/pg_ctl" -D "$PG_DIR/data" -l "$PG_DIR/log" -w \
  -o "-c listen_addresses=127.0.0.1 -p $PG_PORT -k $PG_DIR -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=300" start >/dev/null
export PSABRIDGE_TEST_PG="Host=127.0.0.1;Port=$PG_PORT;Username=postgres;Pooling=true;Maximum Pool Size=50"

if [ -x /usr/bin/chromium ]; then export PSABRIDGE_CHROMIUM=/usr/bin/chromium; fi

status=0
for engine in sqlite postgres; do
  echo "==> Tests on $engine"
  PSABRIDGE_TEST_ENGINE=$engine dotnet test PsaBridge.slnx -c Release --no-build -nologo \
    --logger "trx;LogFilePrefix=$engine" --results-directory "$RESULTS" "$@" || status=1
done

# One closing line over both runs, read from the test result files.
python3 - "$RESULTS" <<'PY'
import sys, glob, xml.etree.ElementTree as ET
passed = failed = skipped = 0
for f in glob.glob(sys.argv[1] + "/**/*.trx", recursive=True):
    c = ET.parse(f).getroot().find(".//{*}Counters")
    if c is None: continue
    passed += int(c.get("passed", 0)); failed += int(c.get("failed", 0)) + int(c.get("error", 0)) + int(c.get("timeout", 0))
    skipped += int(c.get("notExecuted", 0))
print(f"{passed} passed, {failed} failed, {skipped} skipped")
PY
exit $status
