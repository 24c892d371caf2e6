#!/usr/bin/env bash
# Starts a throwaway PostgreSQL server for the tests on 127.0.0.1 (port $PGPORT, default 54329), installing
# PostgreSQL 15 from Debian first if it is missing. Prints the URL the tests take as JIXIAO_TEST_POSTGRES. The suites
# run in parallel, each with its own database and pool, hence 400 connections.
set -euo pipefail
port=${PGPORT:-54329}
dir=${JIXIAO_PGDATA:-/tmp/jixiao-postgres}
bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1 || true)
if [ -z "$bin" ]; then
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq >&2
    apt-get install -y -qq --no-install-recommends postgresql >&2
    bin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)
fi
if ! "$bin/pg_isready" -q -h 127.0.0.1 -p "$port"; then
    rm -rf "$dir"
    install -d -o postgres "$dir"
    su postgres -c "$bin/initdb -D $dir -A trust -U jixiao" >/dev/null
    su postgres -c "$bin/pg_ctl -D $dir -w -l $dir/server.log -o '-p $port -k /tmp -c listen_addresses=127.0.0.1 -c max_connections=400' start" >&2
fi
echo "postgres://jixiao@127.0.0.1:$port/postgres"
