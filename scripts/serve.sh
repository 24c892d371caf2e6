#!/usr/bin/env bash
# The run command: builds the server and serves on the embedded SQLite store (jixiao.sqlite in this folder) at
# http://127.0.0.1:8080, with jemalloc preloaded (installed when missing). Options go to `jixiao serve`
# (see `swift run jixiao serve --help`).
set -euo pipefail
cd "$(dirname "$0")/.."
swift build --product jixiao
exec bash scripts/with-jemalloc.sh "$(swift build --show-bin-path)/jixiao" serve "$@"
