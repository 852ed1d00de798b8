#!/usr/bin/env bash
# First start and a large plans import through the CLI on SQLite, as recorded in docs/benchmarks.md.
# Usage: bench/import/run.sh [N=150000] [CLI dll, default: this tree's Release build]
# Creates, migrates and seeds a fresh SQLite database in a temporary folder (`regiewijzer database seed`, which reports
# the seeding time itself; wall time includes the process start and the migrations), generates N plans
# (bench/import/generate.sh), imports them with `regiewijzer import plannen` under /usr/bin/time -v and prints the peak
# RSS and the wall-clock time; then imports the same file again (every plan replaced, with before/after in the audit trail).
# The issue-19 figure is the 20.000-plan import: bench/import/run.sh 20000
set -euo pipefail
cd "$(dirname "$0")/../.."
N=${1:-150000}
CLI=${2:-src/Regiewijzer.Cli/bin/Release/net10.0/regiewijzer.dll}
[[ -x /usr/bin/time ]] || { echo "/usr/bin/time missing: apt-get install -y time" >&2; exit 1; }
if [[ -z "${2:-}" ]]; then dotnet build src/Regiewijzer.Cli -c Release -v quiet -nologo >/dev/null; fi
DIR=$(mktemp -d)
trap 'rm -rf "$DIR"' EXIT
export REGIEWIJZER_DB_PROVIDER=sqlite REGIEWIJZER_DB="Data Source=$DIR/rw.db"
/usr/bin/time -f '%e s, CPU (user + system) %U + %S s' -o "$DIR/seed-time.txt" dotnet "$CLI" database seed >"$DIR/seed.txt"
echo "RESULT first start: wall $(cat "$DIR/seed-time.txt"); $(cat "$DIR/seed.txt")"
bench/import/generate.sh "$N" >"$DIR/plans.csv"
echo "file: $N plans, $(stat -c %s "$DIR/plans.csv") bytes"
for run in new replace; do
  /usr/bin/time -v dotnet "$CLI" import plannen --bestand "$DIR/plans.csv" >"$DIR/out.txt" 2>"$DIR/time.txt" || { cat "$DIR/out.txt" "$DIR/time.txt" >&2; exit 1; }
  rss=$(awk -F': ' '/Maximum resident set size/ { print $2 }' "$DIR/time.txt")
  wall=$(awk -F': ' '/Elapsed \(wall clock\)/ { print $2 }' "$DIR/time.txt")
  cpu=$(awk -F': ' '/User time/ { u = $2 } /System time/ { s = $2 } END { print u + s }' "$DIR/time.txt")
  echo "RESULT $run: peak RSS $((rss / 1024)) MB, wall $wall, CPU (user + system) $cpu s; $(grep -a 'nieuw' "$DIR/out.txt" | tail -1)"
done
echo "audit entries: $(sqlite3 "$DIR/rw.db" 'select count(*) from audit_entries' 2>/dev/null || echo '?')"
