#!/usr/bin/env bash
# The test command: starts a throwaway PostgreSQL on 127.0.0.1 (installing it if missing) so the store's suite
# runs on PostgreSQL as well as SQLite, then runs every test.
set -euo pipefail
cd "$(dirname "$0")/.."
JIXIAO_TEST_POSTGRES=$(bash scripts/start-postgres.sh)
export JIXIAO_TEST_POSTGRES
swift test "$@"
