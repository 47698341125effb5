#!/usr/bin/env bash
# Runs one benchmark phase of two builds in turn (A B A B ...) on fresh copies of one generated data set,
# and prints each run's seconds and both medians. The machine is shared, so only runs taken in turn compare.
#
#   bench/ab.sh build COMMIT DIR          # builds the benchmark of COMMIT into DIR (a worktree of its own)
#   bench/ab.sh setup BUILD SET ENGINE N  # generates N accounts with BUILD into SET (a folder, or PostgreSQL template names)
#   bench/ab.sh run A B SET ENGINE N ROUNDS [PHASE]   # PHASE: sync-full (default) or incremental
#
# PostgreSQL: PSABRIDGE_BENCH_PG is the server (default Host=127.0.0.1;Port=55433;Username=postgres); the set is kept as
# the databases tpl_SET_psa and tpl_SET_finance, and each run gets bench_psa and bench_finance made afresh from them.
set -euo pipefail
PG=${PSABRIDGE_BENCH_PG:-Host=127.0.0.1;Port=55433;Username=postgres}
PG_PORT=$(sed -n 's/.*Port=\([0-9]*\).*/\1/p' <<<"$PG")
psql_() { psql -h 127.0.0.1 -p "$PG_PORT" -U postgres -d postgres -qAtc "$1"; }

phase() { # BUILD DIR ENGINE N PHASE -> prints the RESULT line
  dotnet "$1/PsaBridge.Bench.dll" phase --phase "$5" --accounts "$4" --engine "$3" --dir "$2" --pg "$PG" | grep '^RESULT ' | sed 's/^RESULT //'
}

fresh() { # SET ENGINE -> a fresh copy to run on
  if [ "$2" = postgres ]; then
    for s in psa finance; do
      psql_ "DROP DATABASE IF EXISTS bench_$s WITH (FORCE)"
      psql_ "CREATE DATABASE bench_$s TEMPLATE tpl_${1##*/}_$s"
    done
    echo /tmp/psabridge-bench-pg
  else
    rm -rf "$1.run" && cp -r "$1" "$1.run" && echo "$1.run"
  fi
}

case "$1" in
  build)
    rm -rf "$3.src" && git worktree add --detach -f "$3.src" "$2" >/dev/null
    dotnet build "$3.src/bench/PsaBridge.Bench" -c Release -nologo -clp:ErrorsOnly -o "$3" >/dev/null
    git worktree remove --force "$3.src"
    echo "built $2 into $3" ;;
  setup)
    build=$2; set=$3; engine=$4; n=$5
    phase "$build" "$set" "$engine" "$n" setup
    if [ "$engine" = postgres ]; then
      for s in psa finance; do
        psql_ "DROP DATABASE IF EXISTS tpl_${set##*/}_$s"
        psql_ "CREATE DATABASE tpl_${set##*/}_$s TEMPLATE bench_$s"
      done
    fi ;;
  run)
    a=$2; b=$3; set=$4; engine=$5; n=$6; rounds=$7; which=${8:-sync-full}
    : > "$set.$which.A"; : > "$set.$which.B"
    for i in $(seq 1 "$rounds"); do
      for side in A B; do
        build=$a; [ $side = B ] && build=$b
        dir=$(fresh "$set" "$engine")
        result=$(phase "$build" "$dir" "$engine" "$n" "$which")
        seconds=$(python3 -c 'import json,sys; print(round(json.loads(sys.argv[1])["seconds"], 2))' "$result")
        echo "$seconds" >> "$set.$which.$side"
        echo "$(date -u +%H:%M:%S) round $i $side $seconds s load $(cut -d' ' -f1-3 /proc/loadavg) $result"
      done
    done
    python3 - "$set.$which.A" "$set.$which.B" <<'PY'
import sys, statistics
a = [float(x) for x in open(sys.argv[1])]; b = [float(x) for x in open(sys.argv[2])]
print(f"A: {' / '.join(map(str, a))}  median {statistics.median(a):.2f}")
print(f"B: {' / '.join(map(str, b))}  median {statistics.median(b):.2f}  B/A {statistics.median(b) / statistics.median(a):.2f}")
PY
    ;;
esac
