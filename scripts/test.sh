#!/usr/bin/env bash
# Runs every test suite of Navixy.Panel on a fresh Debian machine: installs what the tests need
# (PostgreSQL, an SMTP server, Chromium and npm for the browser tests and the OpenAPI lint), starts a throwaway PostgreSQL
# cluster on a free loopback port, runs all test projects and prints one closing line "N passed, N failed, N skipped".
set -uo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)

need=()
command -v dotnet >/dev/null || { echo "dotnet SDK 10 is required on PATH" >&2; exit 2; }
ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || need+=(postgresql)
/usr/bin/python3 -c 'import aiosmtpd' >/dev/null 2>&1 || need+=(python3-aiosmtpd)
[ -x /usr/bin/chromium ] || need+=(chromium)
command -v npm >/dev/null || need+=(npm)
command -v curl >/dev/null || need+=(curl)   # the README walk-through test runs its curl commands
if [ ${#need[@]} -gt 0 ]; then
  echo "Installing: ${need[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq >/dev/null && apt-get install -y -qq "${need[@]}" >/dev/null || { echo "apt-get install failed" >&2; exit 2; }
fi

# The browser tests drive Debian's Chromium (never a downloaded browser) and inject axe-core, kept outside the tree.
export PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1
export NAVIXY_TEST_CHROMIUM=/usr/bin/chromium
axe_dir="${XDG_CACHE_HOME:-$HOME/.cache}/navixy-panel/axe-core"
if [ ! -f "$axe_dir/node_modules/axe-core/axe.min.js" ]; then
  echo "Installing axe-core (npm) into $axe_dir"
  mkdir -p "$axe_dir" && npm install --prefix "$axe_dir" --no-audit --no-fund --silent axe-core@4 >/dev/null \
    || { echo "npm install axe-core failed" >&2; exit 2; }
fi
export NAVIXY_TEST_AXE="$axe_dir/node_modules/axe-core/axe.min.js"

# The OpenAPI document is linted by Redocly CLI (npm, kept outside the tree like axe-core), and a client is generated
# from it by Kiota, the local dotnet tool of .config/dotnet-tools.json (GeneratedClientTests).
redocly_dir="${XDG_CACHE_HOME:-$HOME/.cache}/navixy-panel/redocly-cli"
if [ ! -x "$redocly_dir/node_modules/.bin/redocly" ]; then
  echo "Installing @redocly/cli (npm) into $redocly_dir"
  mkdir -p "$redocly_dir" && npm install --prefix "$redocly_dir" --no-audit --no-fund --silent @redocly/cli@2.77.0 >/dev/null \
    || { echo "npm install @redocly/cli failed" >&2; exit 2; }
fi
export NAVIXY_TEST_REDOCLY="$redocly_dir/node_modules/.bin/redocly"
dotnet tool restore >/dev/null || { echo "dotnet tool restore (Kiota) failed" >&2; exit 2; }

. "$root/scripts/postgres.sh"
work=$(mktemp -d /tmp/navixy-tests.XXXXXX)
cleanup() {
  stop_postgres
  [ -n "${smtp_pid:-}" ] && kill "$smtp_pid" 2>/dev/null
  rm -rf "$work"
}
trap cleanup EXIT
start_postgres "$work" "-c max_connections=300" || exit 2
export NAVIXY_TEST_POSTGRES="Host=127.0.0.1;Port=$pgport;Username=postgres;Database=postgres;Timeout=5;Command Timeout=120"
export NAVIXY_TEST_PGBIN="$pgbin"
export NAVIXY_TEST_PGDATA="$pgdata"
echo "PostgreSQL $("$pgbin/postgres" --version | awk '{print $3}') on 127.0.0.1:$pgport"

smtpport=$(free_port)
export NAVIXY_TEST_SMTP_PORT="$smtpport"
export NAVIXY_TEST_SMTP_DIR="$work/smtp"
mkdir -p "$NAVIXY_TEST_SMTP_DIR"
/usr/bin/python3 "$root/scripts/smtp_sink.py" 127.0.0.1 "$smtpport" "$NAVIXY_TEST_SMTP_DIR" >"$work/smtp.log" 2>&1 &
smtp_pid=$!

dotnet build Navixy.Panel.sln -c Release -nologo -v q >"$work/build.log" 2>&1 \
  || { grep -E "error|Error" "$work/build.log" | head -50; echo "0 passed, 1 failed"; exit 1; }

passed=0; failed=0; skipped=0; status=0
for project in tests/*/*.csproj; do
  name=$(basename "$project" .csproj)
  echo "== $name"
  out="$work/$name.log"
  dotnet test "$project" -c Release --no-build --nologo -v q --logger "trx;LogFileName=$name.trx" --results-directory "$work/results" >"$out" 2>&1
  rc=$?
  trx="$work/results/$name.trx"
  if [ -f "$trx" ]; then
    read -r p f s < <(python3 - "$trx" <<'PY'
import sys, xml.etree.ElementTree as ET
ns = {"t": "http://microsoft.com/schemas/VisualStudio/TeamTest/2010"}
c = ET.parse(sys.argv[1]).getroot().find("t:ResultSummary/t:Counters", ns)
total = int(c.get("total")); p = int(c.get("passed")); f = int(c.get("failed")) + int(c.get("error")) + int(c.get("timeout")) + int(c.get("aborted"))
print(p, f, total - p - f)
PY
)
  else
    p=0; f=1; s=0
  fi
  if [ "$rc" -ne 0 ] && [ "$f" -eq 0 ]; then f=1; fi
  [ "$rc" -ne 0 ] && { status=1; grep -E "Failed |Error Message|Assert|Expected|But was|error" "$out" | head -60; }
  echo "   $p passed, $f failed, $s skipped"
  passed=$((passed + p)); failed=$((failed + f)); skipped=$((skipped + s))
done

[ "$failed" -gt 0 ] && status=1
echo "$passed passed, $failed failed, $skipped skipped"
exit $status
