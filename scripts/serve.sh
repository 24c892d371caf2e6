#!/usr/bin/env bash
# The run command: installs what the server links (jemalloc) when missing, then serves on the embedded SQLite store
# (jixiao.sqlite in this folder) at http://127.0.0.1:8080. Options go to `jixiao serve` (see `swift run jixiao serve --help`).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/ensure-jemalloc.sh
swift run jixiao serve "$@"
