#!/usr/bin/env bash
# Runs one benchmark phase of two builds in turn (A B A B ...) on fresh copies of one generated data set,
# and prints each run's wall seconds and the CPU seconds (user + system) of its process, and both medians of each.
# The machine is shared, so only runs taken in turn compare; CPU time moves less with the load than wall time does.
#
#   bench/ab.sh build COMMIT DIR          # builds the benchmark of COMMIT into DIR (a worktree of its own)
#   bench/ab.sh setup BUILD SET ENGINE N [posting]    # generates N accounts (or N time entries) with BUILD into SET
#   bench/ab.sh run A B SET ENGINE N ROUNDS [PHASE]   # PHASE: sync-full (default), posting:approve or posting:confirm
#
# A posting set is kept twice: SET.approve (entries submitted) and SET.confirm (approved, one invoice drafted).
# PostgreSQL: PSABRIDGE_BENCH_PG is the server (default Host=127.0.0.1;Port=55433;Username=postgres); a set is kept as
# template databases tpl_SET_psa and tpl_SET_finance, and each run gets the benchmark's databases made afresh from them.
set -euo pipefail
PG=${PSABRIDGE_BENCH_PG:-Host=127.0.0.1;Port=55433;Username=postgres}
PG_PORT=$(sed -n 's/.*Port=\([0-9]*\).*/\1/p' <<<"$PG")
psql_() { psql -h 127.0.0.1 -p "$PG_PORT" -U postgres -d postgres -qAtc "$1"; }

CPU=$(mktemp)
phase() { # BUILD DIR ENGINE N PHASE -> prints the RESULT line; the process's CPU seconds go to $CPU
  case "$5" in
    posting:*) /usr/bin/time -f "%U %S" -o "$CPU" dotnet "$1/PsaBridge.Bench.dll" posting --phase "${5#posting:}" --entries "$4" --engine "$3" --dir "$2" --pg "$PG" ;;
    *) /usr/bin/time -f "%U %S" -o "$CPU" dotnet "$1/PsaBridge.Bench.dll" phase --phase "$5" --accounts "$4" --engine "$3" --dir "$2" --pg "$PG" ;;
  esac | grep '^RESULT ' | sed 's/^RESULT //'
}

keep() { # SET ENGINE PREFIX: the databases just made, kept as the set's templates
  for s in psa finance; do
    psql_ "SELECT 1 FROM pg_database WHERE datname = '$3_$s'" | grep -q 1 || continue
    psql_ "DROP DATABASE IF EXISTS tpl_${1##*/}_$s"
    psql_ "CREATE DATABASE tpl_${1##*/}_$s TEMPLATE $3_$s"
  done
}

fresh() { # SET ENGINE PREFIX -> a fresh copy to run on
  if [ "$2" = postgres ]; then
    for s in psa finance; do
      psql_ "SELECT 1 FROM pg_database WHERE datname = 'tpl_${1##*/}_$s'" | grep -q 1 || continue
      psql_ "DROP DATABASE IF EXISTS $3_$s WITH (FORCE)"
      psql_ "CREATE DATABASE $3_$s TEMPLATE tpl_${1##*/}_$s"
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
    if [ "${6:-}" = posting ]; then
      phase "$build" "$set" "$engine" "$n" posting:setup
      if [ "$engine" = postgres ]; then keep "$set.approve" postgres benchpost; else rm -rf "$set.approve"; cp -r "$set" "$set.approve"; fi
      phase "$build" "$set" "$engine" "$n" posting:approve
      phase "$build" "$set" "$engine" "$n" posting:draft
      if [ "$engine" = postgres ]; then keep "$set.confirm" postgres benchpost; else rm -rf "$set.confirm"; cp -r "$set" "$set.confirm"; fi
    else
      phase "$build" "$set" "$engine" "$n" setup
      [ "$engine" = postgres ] && keep "$set" postgres bench
    fi ;;
  run)
    a=$2; b=$3; set=$4; engine=$5; n=$6; rounds=$7; which=${8:-sync-full}
    prefix=bench
    case "$which" in posting:*) prefix=benchpost; set="$set.${which#posting:}" ;; esac
    : > "$set.$which.A"; : > "$set.$which.B"; : > "$set.$which.A.cpu"; : > "$set.$which.B.cpu"
    for i in $(seq 1 "$rounds"); do
      for side in A B; do
        build=$a; [ $side = B ] && build=$b
        dir=$(fresh "$set" "$engine" "$prefix")
        result=$(phase "$build" "$dir" "$engine" "$n" "$which")
        seconds=$(python3 -c 'import json,sys; print(round(json.loads(sys.argv[1])["seconds"], 2))' "$result")
        cpu=$(awk '{ printf "%.1f", $1 + $2 }' "$CPU")
        echo "$seconds" >> "$set.$which.$side"; echo "$cpu" >> "$set.$which.$side.cpu"
        echo "$(date -u +%H:%M:%S) round $i $side $seconds s, CPU $cpu s, load $(cut -d' ' -f1-3 /proc/loadavg) $result"
      done
    done
    python3 - "$set.$which" <<'PY'
import sys, statistics
for what, suffix in (("wall", ""), ("CPU", ".cpu")):
    a = [float(x) for x in open(sys.argv[1] + ".A" + suffix)]; b = [float(x) for x in open(sys.argv[1] + ".B" + suffix)]
    print(f"{what} A: {' / '.join(map(str, a))}  median {statistics.median(a):.2f}")
    print(f"{what} B: {' / '.join(map(str, b))}  median {statistics.median(b):.2f}  B/A {statistics.median(b) / statistics.median(a):.2f}")
PY
    ;;
esac
