#!/usr/bin/env bash
# Runs the integration and browser tests N times (default 3) with a CPU hog beside them: K busy loops (default: one per
# core) at normal priority, so the tests get about half the machine. Prints each run's counters and the load; any
# failure is a flaky test to fix (issue 11). Usage: bench/stress.sh [runs] [hogs]
set -uo pipefail
cd "$(dirname "$0")/.."
runs=${1:-3}
hogs=${2:-$(nproc)}
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
dotnet build Regiewijzer.slnx -c Release -nologo -v q -clp:ErrorsOnly || exit 1

pids=()
for _ in $(seq "$hogs"); do ( while :; do :; done ) & pids+=($!); done
trap 'kill "${pids[@]}" 2>/dev/null' EXIT
echo "machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GB", $2/1048576}' /proc/meminfo); hogs: $hogs busy loops; $(date -u '+%Y-%m-%d %H:%M UTC')"
failed=0
for i in $(seq "$runs"); do
  for project in Regiewijzer.IntegrationTests Regiewijzer.BrowserTests; do
    start=$(date +%s)
    out=$(dotnet test "tests/$project" -c Release --no-build -nologo 2>&1)
    status=$?
    summary=$(grep -E "^(Passed|Failed)!" <<<"$out" | tail -1)
    echo "run $i $project: ${summary:-no summary} ($(( $(date +%s) - start )) s, load $(cut -d' ' -f1-3 /proc/loadavg))"
    if [ "$status" != 0 ]; then failed=1; grep -E "^\s+Failed |\[FAIL\]" <<<"$out" | head -20; fi
  done
done
exit $failed
