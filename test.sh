#!/usr/bin/env bash
# Runs every test of Regiewijzer on a fresh machine: installs what is missing (with apt-get),
# builds, runs `dotnet test`, and ends with the line `tests: N passed, N failed, N skipped`.
set -uo pipefail
cd "$(dirname "$0")"

log() { printf '==> %s\n' "$*" >&2; }

apt_updated=0
apt_install() {
  if [ "$(id -u)" != "0" ]; then
    log "missing packages $*; run as root or install them: apt-get install $*"
    return 1
  fi
  if [ "$apt_updated" = 0 ]; then
    DEBIAN_FRONTEND=noninteractive apt-get update -qq >&2 || return 1
    apt_updated=1
  fi
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "$@" >&2
}

# System packages the test suites need (see DEVELOPERS notes in README.md).
if [ -d tests/Regiewijzer.IntegrationTests ] && [ ! -x /usr/lib/postgresql/15/bin/initdb ]; then
  log "installing PostgreSQL 15 (integration tests run against a real server)"
  apt_install postgresql-15 || log "PostgreSQL could not be installed"
fi
if [ -d tests/Regiewijzer.BrowserTests ] && [ ! -x /usr/bin/chromium ]; then
  log "installing Chromium (browser tests drive Debian's Chromium)"
  apt_install chromium fonts-dejavu-core || log "Chromium could not be installed"
fi
if [ ! -f /usr/share/fonts/truetype/dejavu/DejaVuSans.ttf ] || [ ! -x /usr/bin/pdftoppm ]; then
  log "installing DejaVu fonts (embedded in the PDF reports) and poppler-utils (pdftoppm renders report pages in the tests)"
  apt_install fonts-dejavu-core poppler-utils || log "fonts-dejavu-core or poppler-utils could not be installed"
fi
if [ -d tests/Regiewijzer.IntegrationTests ] && [ ! -x /usr/sbin/nginx ]; then
  log "installing nginx (the production tests put a real reverse proxy in front of the app)"
  apt_install nginx-light openssl || log "nginx could not be installed"
fi
if ! command -v dotnet >/dev/null 2>&1; then
  echo "dotnet SDK 10 is required (see global.json)" >&2
  echo "tests: 0 passed, 1 failed, 0 skipped"
  exit 1
fi

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
results=$(mktemp -d)
log "building"
if ! dotnet build Regiewijzer.slnx -c Release -nologo -v q -clp:ErrorsOnly; then
  echo "build failed" >&2
  echo "tests: 0 passed, 1 failed, 0 skipped"
  exit 1
fi

log "running tests"
# One test project at a time (-m:1): on a 2-core machine the browser tests' page loads time out when the
# integration tests (app instances, PostgreSQL) run beside them.
dotnet test Regiewijzer.slnx -c Release --no-build -nologo -m:1 \
  --logger "trx" --results-directory "$results" 2>&1 | tee "$results/console.txt"
status=${PIPESTATUS[0]}

# Sum the counters of every TRX file (one per test project).
read -r passed failed skipped total < <(python3 - "$results" <<'PY'
import sys, glob, xml.etree.ElementTree as ET
p = f = s = t = 0
for path in glob.glob(sys.argv[1] + "/**/*.trx", recursive=True):
    c = ET.parse(path).getroot().find(".//{*}ResultSummary/{*}Counters")
    if c is None: continue
    t += int(c.get("total", 0)); p += int(c.get("passed", 0)); f += int(c.get("failed", 0)) + int(c.get("error", 0)) + int(c.get("timeout", 0)) + int(c.get("aborted", 0))
    s += int(c.get("notExecuted", 0)) + int(c.get("inconclusive", 0))
print(p, f, s, t)
PY
)
if [ "${total:-0}" = 0 ] && [ "$status" != 0 ]; then failed=1; fi
if [ "$status" != 0 ] && [ "${failed:-0}" = 0 ]; then failed=1; fi
echo "tests: ${passed:-0} passed, ${failed:-0} failed, ${skipped:-0} skipped"
[ "$status" = 0 ] && [ "${failed:-0}" = 0 ]
