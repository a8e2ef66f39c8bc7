#!/usr/bin/env bash
# Runs the whole benchmark harness on a fresh Debian machine: installs wrk and PostgreSQL if missing, starts a
# throwaway PostgreSQL cluster, builds the service and the harness in Release, and measures both providers with
# dealers of 10k, 100k and 1M users. Prints the figures and writes them to benchmarks/results/latest.md
# (pass --out to choose). Extra arguments go to the harness, e.g. --sizes 10000,100000 --wrk-seconds 10.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)

need=()
command -v dotnet >/dev/null || { echo "dotnet SDK 10 is required on PATH" >&2; exit 2; }
command -v wrk >/dev/null || need+=(wrk)
ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || need+=(postgresql)
if [ ${#need[@]} -gt 0 ]; then
  echo "Installing: ${need[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq >/dev/null && apt-get install -y -qq "${need[@]}" >/dev/null
fi

. "$root/scripts/postgres.sh"
work=$(mktemp -d /tmp/navixy-bench.XXXXXX)
trap 'stop_postgres; rm -rf "$work"' EXIT
mkdir -p benchmarks/results
start_postgres "$work" "-c shared_buffers=512MB -c max_wal_size=4GB"
echo "PostgreSQL $("$pgbin/postgres" --version | awk '{print $3}') on 127.0.0.1:$pgport"

dotnet build Navixy.Panel.sln -c Release -nologo -v q >"$work/build.log" 2>&1 || { grep -E "error" "$work/build.log" | head -30; exit 1; }
dotnet benchmarks/Navixy.Panel.Benchmarks/bin/Release/net10.0/Navixy.Panel.Benchmarks.dll \
  --api src/Api/bin/Release/net10.0/Navixy.Panel.Api.dll \
  --postgres "Host=127.0.0.1;Port=$pgport;Username=postgres;Database=postgres;Timeout=30;Command Timeout=600" \
  --out benchmarks/results/latest.md "$@"
