#!/usr/bin/env bash
# Monitoring at national scale (issue 19, item 4), as recorded in docs/benchmarks.md.
# Usage: bench/monitoring/run.sh [N=150000] [port=5398]
# Seeds a fresh SQLite database in a temporary folder, imports N generated plans through the CLI
# (bench/import/generate.sh: valid plans round-robin over the 342 municipalities), starts the web app (Release build)
# and times with curl:
#   start    how long the app took to prepare the nation's monitoring after its start (Monitoring:WarmUp), waited for;
#   first    the first request of each progress page and monitoring API answer after that;
#   warm     30 requests each with a new query string, so the output cache never answers (p50/p95/max);
#   change   CHANGES (25) times: one plan changed by the CLI (another process: renamed and given more social-rent homes,
#            so its forecast changes), then the next request of every address above, once each (what a visitor after
#            the change waits for: the changed plans read, the book and the forecasts brought up to date); every change
#            is listed, and per address p50/p95/max over the changes after the first COLD (5), while the app still
#            compiles the code a change runs (tiered JIT; a server that has run a while has done so);
#   then the app's own log of snapshot builds and forecasts (rows read, book built, forecast per subject, in ms).
set -euo pipefail
cd "$(dirname "$0")/../.."
N=${1:-150000}
PORT=${2:-5398}
CLI=${CLI:-src/Regiewijzer.Cli/bin/Release/net10.0/regiewijzer.dll} # another build (e.g. before a change) by CLI=... WEB=...
WEB=${WEB:-src/Regiewijzer.Web/bin/Release/net10.0/Regiewijzer.Web.dll}
[[ -f $CLI && -f $WEB ]] || dotnet build Regiewijzer.slnx -c Release -v quiet -nologo >/dev/null
DIR=$(mktemp -d)
APP=
trap '[[ -n $APP ]] && kill $APP 2>/dev/null; rm -rf "$DIR"' EXIT
export REGIEWIJZER_DB_PROVIDER=sqlite REGIEWIJZER_DB="Data Source=$DIR/rw.db"
dotnet "$CLI" database seed >/dev/null
bench/import/generate.sh "$N" >"$DIR/plans.csv"
dotnet "$CLI" import plannen --bestand "$DIR/plans.csv" >/dev/null
echo "machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GB", $2/1048576}' /proc/meminfo); $(date -u '+%Y-%m-%d %H:%M UTC'); load $(cut -d' ' -f1-3 /proc/loadavg); plans: $(sqlite3 "$DIR/rw.db" 'select count(*) from plans' 2>/dev/null || echo "$N + shipped")"
dotnet "$WEB" --urls "http://127.0.0.1:$PORT" --Database:Provider sqlite --Database:ConnectionString "Data Source=$DIR/rw.db" >"$DIR/app.log" 2>&1 &
APP=$!
for _ in $(seq 120); do curl -fs -o /dev/null "http://127.0.0.1:$PORT/health/live" && break; sleep 1; done
BASE="http://127.0.0.1:$PORT"
# The app prepares the nation's monitoring right after its start (Monitoring:WarmUp); the first requests come after that.
for _ in $(seq 300); do grep -q '"Message":"Monitoring \(prepared\|could not be prepared\)' "$DIR/app.log" && break; sleep 0.5; done
grep -o '"Message":"Monitoring \(prepared\|could not be prepared\)[^"]*"' "$DIR/app.log" | sed 's/^"Message":"/start: /; s/"$//' || echo "start: not prepared within 150 s"
PATHS=(/voortgang /voortgang/provincie/PV25 /voortgang/provincie/PV20 /voortgang/regio/WD19 /voortgang/gemeente/GM0363 /api/v1/voortgang /api/v1/regios/WD19/voortgang /api/v1/gemeenten/GM0363/voortgang /api/v1/provincies/PV27/signaleringen)
ms() { curl -s -o /dev/null -w '%{http_code} %{time_total}\n' "$1" | awk '{ if ($1 != 200) { print "HTTP " $1 > "/dev/stderr"; exit 1 } printf "%.0f\n", $2 * 1000 }'; }
for p in "${PATHS[@]}"; do echo "first $p: $(ms "$BASE$p") ms"; done
for p in "${PATHS[@]}"; do
  for i in $(seq 30); do ms "$BASE$p?meting=$i"; done | sort -n | awk -v p="$p" '{ a[NR] = $1 } END { printf "warm %s: p50 %d ms, p95 %d ms, max %d ms\n", p, a[int(NR * 0.5 + 0.5)], a[int(NR * 0.95 + 0.5)], a[NR] }'
done
CHANGES=${CHANGES:-25} # plan changes, each followed by one request of every address
COLD=${COLD:-5}         # the first ones are listed but not summed: the app still compiles the code a change runs (tiered JIT)
head -1 "$DIR/plans.csv" >"$DIR/one.csv"
for i in $(seq "$CHANGES"); do
  sed -n 2p "$DIR/plans.csv" | awk -F';' -v OFS=';' -v i="$i" '{ $3 = "Gewijzigd " i; $7 = $7 + i; print }' >>"$DIR/one.csv"
  dotnet "$CLI" import plannen --bestand "$DIR/one.csv" >/dev/null
  head -1 "$DIR/plans.csv" >"$DIR/one.csv"
  line="change $i:"
  for k in "${!PATHS[@]}"; do
    t=$(ms "$BASE${PATHS[$k]}?na=$i")
    line="$line ${PATHS[$k]} $t ms,"
    if (( i > COLD )); then echo "$t" >>"$DIR/after-$k.txt"; fi
  done
  echo "${line%,}"
done
for k in "${!PATHS[@]}"; do
  [[ -f $DIR/after-$k.txt ]] || continue
  sort -n "$DIR/after-$k.txt" | awk -v p="${PATHS[$k]}" -v c="$COLD" '{ a[NR] = $1 } END { printf "after a change %s (changes %d-%d): p50 %d ms, p95 %d ms, max %d ms\n", p, c + 1, c + NR, a[int(NR * 0.5 + 0.5)], a[int(NR * 0.95 + 0.5)], a[NR] }'
done
echo "app peak RSS: $(awk '/VmHWM/ { printf "%d MB", $2 / 1024 }' /proc/$APP/status)"
# what the app logged of its own work (builds after this branch's MonitoringCache logging): snapshot builds and forecasts
grep -o '"Message":"\(Monitoring snapshot built\|Forecast of\)[^"]*"' "$DIR/app.log" | sed 's/^"Message":"//; s/"$//' || true
