#!/usr/bin/env bash
# Runs a command (the server) with jemalloc preloaded, installing Debian's libjemalloc2 when missing: under load
# glibc's malloc was a tenth of a page's time, and jemalloc serves 10–25 % more pages a second. Nothing links it: the
# CLI and the tests need none. Freed memory is kept for reuse, not handed back to the system as it ages: jemalloc's
# purging of aged pages stalled every request for 0.2–1.3 s in one run of five under load (Benchmarks/RESULTS.md); the
# server keeps the memory it once needed instead.
set -euo pipefail
library() { ldconfig -p | awk '/libjemalloc\.so\.2 / && path == "" { path = $NF } END { print path }'; }
if [ -z "$(library)" ]; then
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq >&2
    apt-get install -y -qq --no-install-recommends libjemalloc2 >/dev/null
fi
path=$(library)
[ -n "$path" ] || { echo "jemalloc is not installed (apt-get install libjemalloc2)" >&2; exit 1; }
LD_PRELOAD="$path" MALLOC_CONF="dirty_decay_ms:-1,muzzy_decay_ms:-1" exec "$@"
