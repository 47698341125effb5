#!/usr/bin/env bash
# API under load from a second process on loopback (wrk): a customer by key and a page of the log.
# Run after the sync benchmark, which leaves its databases behind:
#   dotnet run -c Release --project bench/PsaBridge.Bench -- sync --accounts 100000 --engine sqlite
#   bench/api-load.sh [data dir, default /tmp/psabridge-bench] [seconds, default 15]
set -euo pipefail
cd "$(dirname "$0")/.."
DATA=${1:-/tmp/psabridge-bench}
SECONDS_PER_RUN=${2:-15}
PORT=5099
command -v wrk >/dev/null || { echo "wrk is needed (Debian: apt-get install wrk)"; exit 1; }
dotnet build -c Release src/PsaBridge.Web -nologo -clp:ErrorsOnly
dotnet src/PsaBridge.Web/bin/Release/net10.0/PsaBridge.Web.dll --urls "http://127.0.0.1:$PORT" --PsaBridge:DataDir="$DATA" \
  --PsaBridge:CustomerSync:Schedule:Enabled=false --Logging:LogLevel:Default=Warning >/tmp/psabridge-api-load.log 2>&1 &
SERVER=$!
trap 'kill $SERVER 2>/dev/null || true' EXIT
for _ in $(seq 1 120); do curl -sf "http://127.0.0.1:$PORT/health" >/dev/null && break; sleep 0.5; done
CUSTOMER=$(curl -sf "http://127.0.0.1:$PORT/api/finance/customers?pageSize=1&page=500" | python3 -c 'import json,sys; print(json.load(sys.stdin)["items"][0]["customerAccount"])')
echo "# $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg), $(date -u '+%Y-%m-%d %H:%M') UTC, customer $CUSTOMER"
for url in "/api/finance/customers/$CUSTOMER" "/api/integration/log?status=All&pageSize=50" "/api/integration/log?status=Error&pageSize=50"; do
  echo "## GET $url"
  wrk -t2 -c16 -d"${SECONDS_PER_RUN}s" --latency "http://127.0.0.1:$PORT$url" | grep -E "Requests/sec|Latency|99%|50%|Non-2xx" || true
done
