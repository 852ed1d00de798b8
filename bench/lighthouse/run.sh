#!/usr/bin/env bash
# Lighthouse (from npm) on the main pages, with Debian's Chromium, as recorded in docs/benchmarks.md.
# Usage: bench/lighthouse/run.sh [BASE_URL]   (default: builds Release and starts the app on a fresh SQLite file)
# Env: PAGES (space-separated paths), LIGHTHOUSE (a lighthouse binary; default: npx --yes lighthouse@12),
#      CHROME_PATH (default /usr/bin/chromium), OUT (folder for the JSON reports; default a temporary folder).
# Prints one RESULT line per page: performance score, FCP, LCP, TBT, CLS, speed index, bytes transferred, requests, DOM elements.
# Lighthouse's default mobile profile (simulated slow 4G and 4x CPU slowdown), first visit, empty cache.
set -euo pipefail
cd "$(dirname "$0")/../.."
export CHROME_PATH=${CHROME_PATH:-/usr/bin/chromium}
PAGES=(${PAGES:-/ /regio/WD19 /gemeente/GM0228 /voortgang/regio/WD19 /regio/WD19/wat-als /bronnen})
OUT=${OUT:-$(mktemp -d)}
mkdir -p "$OUT"
read -r -a LH <<<"${LIGHTHOUSE:-npx --yes lighthouse@12}"
BASE=${1:-}
if [[ -z "$BASE" ]]; then
  PORT=${PORT:-5191}
  DB=$(mktemp -d)
  dotnet build src/Regiewijzer.Web -c Release -v quiet -nologo >/dev/null
  dotnet src/Regiewijzer.Web/bin/Release/net10.0/Regiewijzer.Web.dll --urls "http://127.0.0.1:$PORT" --environment Production \
    --Logging:LogLevel:Default Warning --Database:ConnectionString "Data Source=$DB/rw.db" >"$DB/app.log" 2>&1 &
  APP=$!
  trap 'kill $APP 2>/dev/null; wait $APP 2>/dev/null; rm -rf "$DB"' EXIT
  BASE="http://127.0.0.1:$PORT"
  for _ in $(seq 1 240); do curl -fs -o /dev/null "$BASE/" && break; sleep 0.5; done
fi
for p in "${PAGES[@]}"; do
  curl -fs -o /dev/null "$BASE$p"   # warm the server (JIT, caches); Lighthouse measures the client side of a first visit
  name=$(echo "$p" | tr '/' '_' | sed 's/^_$/home/; s/^_//')
  "${LH[@]}" "$BASE$p" --quiet --output json --output-path "$OUT/$name.json" --only-categories performance \
    --chrome-flags="--headless --no-sandbox --disable-gpu --no-first-run" >/dev/null 2>&1 || { echo "lighthouse failed on $p" >&2; continue; }
  node -e '
    const r = require(process.argv[1]); const a = r.audits; const v = k => a[k] && a[k].numericValue;
    const s = x => x == null ? "?" : (x / 1000).toFixed(1) + " s";
    console.log(`RESULT ${process.argv[2]}: performance ${Math.round(r.categories.performance.score * 100)}, FCP ${s(v("first-contentful-paint"))}, LCP ${s(v("largest-contentful-paint"))}, TBT ${Math.round(v("total-blocking-time"))} ms, CLS ${(v("cumulative-layout-shift") || 0).toFixed(3)}, SI ${s(v("speed-index"))}, ${Math.round(v("total-byte-weight") / 1024)} KB transferred, ${a["network-requests"].details.items.length} requests, ${v("dom-size")} DOM elements`);
  ' "$OUT/$name.json" "$p"
done
echo "reports: $OUT"
