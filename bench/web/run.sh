#!/usr/bin/env bash
# Load test of the web app on loopback with wrk (Debian package), as recorded in docs/benchmarks.md.
# Usage: bench/web/run.sh [sqlite|postgres-connection-string]   (default: a fresh SQLite file)
# Builds Release, starts the app (Production, logging at Warning), warms up, then runs wrk per URL:
# 50 connections, 2 threads, 30 s. Prints one RESULT line per URL (requests/s, p50/p95/p99 latency).
set -euo pipefail
cd "$(dirname "$0")/../.."
command -v wrk >/dev/null || { echo "wrk missing: apt-get install -y wrk" >&2; exit 1; }
PORT=${PORT:-5190}
DURATION=${DURATION:-30s}
CONNECTIONS=${CONNECTIONS:-50}
DB=$(mktemp -d)
dotnet build src/Regiewijzer.Web -c Release -v quiet -nologo >/dev/null
args=(--urls "http://127.0.0.1:$PORT" --environment Production --Logging:LogLevel:Default Warning)
if [[ "${1:-sqlite}" == "sqlite" ]]; then
  args+=(--Database:Provider sqlite --Database:ConnectionString "Data Source=$DB/rw.db")
else
  args+=(--Database:Provider postgres --Database:ConnectionString "$1")
fi
dotnet "src/Regiewijzer.Web/bin/Release/net10.0/Regiewijzer.Web.dll" "${args[@]}" >"$DB/app.log" 2>&1 &
APP=$!
trap 'kill $APP 2>/dev/null; wait $APP 2>/dev/null; rm -rf "$DB"' EXIT
for _ in $(seq 1 60); do curl -fs -o /dev/null "http://127.0.0.1:$PORT/" && break; sleep 0.5; done
URLS=(${URLS:-/regio/WD19 /api/v1/regios/WD19/verdeling})
for u in "${URLS[@]}"; do
  wrk -t2 -c"$CONNECTIONS" -d5s "http://127.0.0.1:$PORT$u" >/dev/null   # warm-up (JIT, caches, connection pool)
  echo "== $u"
  curl -fs -o /dev/null -w "status %{http_code}, %{size_download} bytes\n" "http://127.0.0.1:$PORT$u"
  wrk -t2 -c"$CONNECTIONS" -d"$DURATION" --timeout 5s -s bench/web/percentiles.lua "http://127.0.0.1:$PORT$u" | grep RESULT
done
