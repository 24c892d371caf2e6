#!/usr/bin/env bash
# The web load benchmark: a province (1,000 agencies × 10 projects by default) in SQLite and in PostgreSQL, the
# release server on loopback, and wrk in a second process against a unit's project page, the bureau's overview, the
# public list and a published report's PDF.
#
#   bash Benchmarks/web/run.sh [--agencies N] [--projects N] [--duration 20s] [--connections 64] [--backends "sqlite postgres"]
#
# Needs wrk (Debian) and, for PostgreSQL, scripts/start-postgres.sh (installs and starts PostgreSQL 15).
set -euo pipefail
cd "$(dirname "$0")/../.."
agencies=1000 projects=10 duration=20s connections=64 backends="sqlite postgres" port=8310
while [ $# -gt 0 ]; do
    case "$1" in
        --agencies) agencies=$2; shift 2 ;;
        --projects) projects=$2; shift 2 ;;
        --duration) duration=$2; shift 2 ;;
        --connections) connections=$2; shift 2 ;;
        --backends) backends=$2; shift 2 ;;
        *) echo "unknown option $1" >&2; exit 2 ;;
    esac
done
command -v wrk >/dev/null || { echo "wrk is missing: apt-get install wrk" >&2; exit 1; }
bash scripts/with-jemalloc.sh true  # installs it now, not while the server starts
swift build -c release --product jixiao-bench >/dev/null
swift build -c release --product jixiao >/dev/null
work=$(mktemp -d)
server=""
trap '[ -n "$server" ] && kill "$server" 2>/dev/null; rm -rf "$work"' EXIT

# CPU time (user and system, in clock ticks) a process has used, and all of PostgreSQL's processes together: divided
# by the requests a run served, the CPU a page costs, which the machine's other load moves far less than latency.
cpu_ticks() { awk '{ print $14 + $15 }' "/proc/$1/stat"; }
postgres_ticks() {
    local total=0 pid
    for pid in $(pgrep -x postgres || true); do total=$((total + $(awk '{ print $14 + $15 }' "/proc/$pid/stat" 2>/dev/null || echo 0))); done
    echo "$total"
}

# Signs in through the login form as a browser would; prints the session cookie.
session_cookie() {
    local base=$1 login=$2 jar="$work/jar-$2"
    local token
    token=$(curl -s -c "$jar" "$base/login" | sed -n 's/.*name="_csrf" value="\([^"]*\)".*/\1/p' | head -1)
    curl -s -b "$jar" -c "$jar" -o /dev/null --data-urlencode "_csrf=$token" --data-urlencode "login=$login" \
        --data-urlencode "password=bench-password" "$base/login"
    awk '$6 == "jixiao_session" { print "jixiao_session=" $7 }' "$jar"
}

for backend in $backends; do
    case "$backend" in
        sqlite) database="$work/load.sqlite" ;;
        postgres)
            base=$(bash scripts/start-postgres.sh)
            name="jixiao_load_$$"
            psql "$base" -q -c "DROP DATABASE IF EXISTS $name" -c "CREATE DATABASE $name"
            database="${base%/*}/$name" ;;
        *) echo "unknown backend $backend" >&2; exit 2 ;;
    esac
    echo "== $backend: $agencies agencies × $projects projects"
    .build/release/jixiao-bench web-seed --database "$database" --agencies "$agencies" --projects "$projects"
    # The state autovacuum reaches a minute after a bulk load (statistics, the visibility map that lets counts read
    # indexes alone), so the runs measure a working database, not one just loaded (SQLite analyses at start).
    if [ "$backend" = postgres ]; then psql "$database" -q -c "VACUUM ANALYZE"; fi
    bash scripts/with-jemalloc.sh .build/release/jixiao serve --database "$database" --port "$port" --examples /nonexistent >"$work/serve.log" 2>&1 &
    server=$!
    for _ in $(seq 100); do curl -s -o /dev/null "http://127.0.0.1:$port/login" && break; sleep 0.2; done
    url="http://127.0.0.1:$port"
    unit=$(session_cookie "$url" bench-unit)
    admin=$(session_cookie "$url" bench-admin)
    project=$(curl -s -b "$unit" "$url/documents" | sed -n 's/.*href="\/documents\/\([0-9A-F-]*\)".*/\1/p' | head -1)
    [ -n "$project" ] || { echo "no project page found for bench-unit" >&2; cat "$work/serve.log" >&2; exit 1; }
    token=$(curl -s -X POST "$url/api/session" -d '{"login":"bench-admin","password":"bench-password"}' \
        | python3 -c 'import json, sys; print(json.load(sys.stdin)["token"])')
    : >"$work/ids"
    for offset in $(seq 0 1000 $((agencies * projects - 1))); do
        curl -s -H "Authorization: Bearer $token" "$url/api/documents?limit=1000&offset=$offset" \
            | python3 -c 'import json, sys; print("\n".join(p["id"] for p in json.load(sys.stdin)["documents"]))' >>"$work/ids"
    done
    pdf=$(curl -s "$url/public" | sed -n 's/.*href="\(\/public\/[0-9A-F-]*\/report.pdf\)".*/\1/p' | awk 'NR == 1')
    [ -n "$pdf" ] || { echo "no published report on /public" >&2; exit 1; }
    for _ in $(seq 120); do [ "$(curl -s -o /dev/null -w '%{http_code}' "$url$pdf")" = 200 ] && break; sleep 1; done
    for target in "/documents/$project|$unit|project page, the same one again and again (unit lead; cached after the first)|" \
        "/documents/…|$admin|project pages, all $(wc -l <"$work/ids") in turn (bureau; every request a cache miss)|Benchmarks/web/every-project.lua" \
        "/overview|$admin|overview, page 1 of $((agencies * projects)) by unit|" \
        "/overview?sort=score&dir=desc&state=draft|$admin|overview sorted by score, filtered by state|" \
        "/public|none|the public list, page 1 of the published ones (no session)|" \
        "$pdf|none|a published report's PDF, from its cache (no session)|"; do
        IFS='|' read -r path cookie label script <<<"$target"
        address="$url$path"
        if [ -n "$script" ]; then
            address="$url/"
        else
            status=$(curl -s -o /dev/null -w '%{http_code}' -b "$cookie" "$address")
            [ "$status" = 200 ] || { echo "$path answered $status" >&2; exit 1; }
        fi
        echo "-- $label: GET $path"
        before_server=$(cpu_ticks "$server") before_postgres=$(postgres_ticks)
        result=$(PROJECT_IDS="$work/ids" wrk -t2 -c"$connections" -d"$duration" --latency -H "Cookie: $cookie" \
            ${script:+-s "$script"} "$address")
        grep -E "Requests/sec|Latency  |50%|90%|99%|requests in|Non-2xx|Socket errors" <<<"$result"
        requests=$(awk '/requests in/ { print $1 }' <<<"$result")
        awk -v n="$requests" -v s=$(($(cpu_ticks "$server") - before_server)) -v p=$(($(postgres_ticks) - before_postgres)) \
            -v hz="$(getconf CLK_TCK)" 'BEGIN { printf "CPU per request: server %.0f µs, PostgreSQL %.0f µs\n", s / hz / n * 1e6, p / hz / n * 1e6 }'
    done
    kill "$server"; wait "$server" 2>/dev/null || true; server=""
    if [ "$backend" = postgres ]; then psql "$base" -q -c "DROP DATABASE $name"; fi
done
