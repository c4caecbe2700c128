#!/usr/bin/env bash
# Runs every benchmark of a release build and prints JSON lines, the machine's
# state first: figures on a shared 2-core machine mean little without it.
set -euo pipefail
build=${1:-build/release}
leads=${2:-1000000}

printf '{"bench":"machine","cpus":%s,"loadavg":"%s","cpu":"%s","sqlite":"%s","date":"%s"}\n' \
    "$(nproc)" "$(cut -d' ' -f1-3 /proc/loadavg)" \
    "$(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ *//;s/"//g')" \
    "$(sqlite3 --version | cut -d' ' -f1)" "$(date -u +%Y-%m-%dT%H:%M:%SZ)"

"$build/bench/bench_search" --leads "$leads"
"$build/bench/bench_sim" --leads "$leads"
"$build/bench/bench_sync" --leads "$(( leads < 100000 ? leads : 100000 ))"
"$build/bench/bench_outbox"
"$build/bench/bench_ui" --leads "$leads"
"$build/bench/bench_analytics" --leads "$leads"
