#!/usr/bin/env bash
# The server links jemalloc (Package.swift): under load glibc's malloc was a tenth of a page's time and jemalloc
# serves 10–25 % more pages a second (Benchmarks/RESULTS.md). Installs Debian's libjemalloc-dev when missing.
set -euo pipefail
if ! dpkg -s libjemalloc-dev >/dev/null 2>&1; then
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq
    apt-get install -y -qq --no-install-recommends libjemalloc-dev >/dev/null
fi
