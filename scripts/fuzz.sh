#!/usr/bin/env bash
# Fuzzes one reader (or all of them) with libFuzzer for a bounded time: scripts/fuzz.sh TARGET SECONDS
#   TARGET: xlsx csv docx text json value, or all (each in turn, SECONDS each)
# Builds the target with -sanitize=fuzzer,address into .build-fuzz (incremental), fuzzes a working copy of
# Fuzz/Corpus/TARGET on one core (one libFuzzer process) with a per-input timeout and memory cap, so a hang or a
# blow-up is a finding like a crash, and prints libFuzzer's final statistics. Exits non-zero when any target found
# something, naming the reproducer and how to replay it.
# Environment: JIXIAO_FUZZ_OUT (work folder, default $TMPDIR/jixiao-fuzz), JIXIAO_FUZZ_SCRATCH (build folder,
# default .build-fuzz), JIXIAO_FUZZ_MERGE=1 (merge what the run found, minimised, back into Fuzz/Corpus/TARGET),
# JIXIAO_FUZZ_TIMEOUT (seconds per input, default 10), JIXIAO_FUZZ_RSS_MB (default 2048), JIXIAO_FUZZ_KEEP_GOING=1
# (libFuzzer's -fork=1: still one process at a time, but a finding is saved and fuzzing goes on, for long runs that
# should collect every finding rather than stop at the first).
set -uo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)

targets=(xlsx csv docx text json value)
usage() { echo "usage: scripts/fuzz.sh {${targets[*]// /|}|all} SECONDS" >&2; exit 2; }
[ $# -eq 2 ] || usage
[[ "$2" =~ ^[0-9]+$ ]] || usage
seconds=$2
if [ "$1" = all ]; then selected=("${targets[@]}")
elif [[ " ${targets[*]} " == *" $1 "* ]]; then selected=("$1")
else usage
fi

out=${JIXIAO_FUZZ_OUT:-${TMPDIR:-/tmp}/jixiao-fuzz}
scratch=${JIXIAO_FUZZ_SCRATCH:-$root/.build-fuzz}
timeout=${JIXIAO_FUZZ_TIMEOUT:-10}
rss=${JIXIAO_FUZZ_RSS_MB:-2048}
mkdir -p "$out"

product() {
    case $1 in
        xlsx) echo FuzzXLSX ;; csv) echo FuzzCSV ;; docx) echo FuzzDOCX ;;
        text) echo FuzzText ;; json) echo FuzzJSON ;; value) echo FuzzValue ;;
    esac
}
# Inputs no larger than a real file of the kind (seeds are 2–90 KB), and the dictionary of the format's tokens.
options() {
    case $1 in
        xlsx | docx) echo "-max_len=131072 -dict=$root/Fuzz/Dictionaries/ooxml.dict" ;;
        text) echo "-max_len=131072 -dict=$root/Fuzz/Dictionaries/report.dict" ;;
        csv) echo "-max_len=32768 -dict=$root/Fuzz/Dictionaries/report.dict" ;;
        json) echo "-max_len=32768 -dict=$root/Fuzz/Dictionaries/json.dict" ;;
        value) echo "-max_len=1024 -dict=$root/Fuzz/Dictionaries/value.dict -use_value_profile=1" ;;
    esac
}

# SwiftPM links executables with --defsym main=<Module>_main, so the target's @main runs and starts libFuzzer's
# driver (Fuzz/Sources/FuzzHarness); gold fails on the ASan-instrumented link, lld does not.
build() {
    swift build -c debug --scratch-path "$scratch" --product "$1" \
        -Xswiftc -sanitize=fuzzer,address -Xswiftc -DFUZZING -Xswiftc -use-ld=lld
}

# Swift's runtime keeps metadata caches that LeakSanitizer cannot see as reachable; memory that grows is caught by
# -rss_limit_mb and -malloc_limit_mb instead; a smaller quarantine keeps ASan's own memory out of that measure.
export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=0:handle_abort=1:quarantine_size_mb=64}
# Swift's own crash backtracer would race ASan's report of the same trap; libFuzzer prints the stack instead.
export SWIFT_BACKTRACE=enable=no
mode=()
[ "${JIXIAO_FUZZ_KEEP_GOING:-0}" = 1 ] && mode=(-fork=1 -ignore_crashes=1 -ignore_timeouts=1 -ignore_ooms=1)

toolchain=$(dirname "$(readlink -f "$(command -v swiftc)")")/..
if ! ls "$toolchain"/lib/clang/*/lib/linux/libclang_rt.fuzzer-*.a >/dev/null 2>&1 || [ ! -x "$toolchain/bin/ld.lld" ]; then
    echo "this Swift toolchain ($toolchain) lacks libFuzzer (lib/clang/*/lib/linux/libclang_rt.fuzzer-*.a) or ld.lld;" \
        "swift.org's Linux toolchains ship both" >&2
    exit 1
fi

status=0
summary="$out/summary.tsv"
printf 'target\tseconds\texecutions\texec/s\tcov\tft\tcorpus_in\tcorpus_out\tpeak_rss_mb\tfinding\n' > "$summary"
for target in "${selected[@]}"; do
    name=$(product "$target")
    echo "== $target ($name): building with -sanitize=fuzzer,address"
    if ! build "$name" > "$out/$target-build.log" 2>&1; then
        tail -40 "$out/$target-build.log" >&2
        echo "== $target: build failed (log: $out/$target-build.log)" >&2
        exit 1
    fi
    binary="$scratch/debug/$name"
    work="$out/$target"
    rm -rf "$work" && mkdir -p "$work/corpus" "$work/artifacts"
    cp "Fuzz/Corpus/$target/"* "$work/corpus/"
    corpus_in=$(ls "$work/corpus" | wc -l)
    echo "== $target: fuzzing $seconds s over $corpus_in seed inputs (timeout ${timeout}s, rss ${rss} MB)"
    # shellcheck disable=SC2046
    "$binary" "$work/corpus" $(options "$target") -max_total_time="$seconds" -timeout="$timeout" \
        -rss_limit_mb="$rss" -malloc_limit_mb="$rss" -print_final_stats=1 -artifact_prefix="$work/artifacts/" "${mode[@]}" \
        > "$work/fuzz.log" 2>&1
    code=$?
    stat() { sed -n "s/^stat::$1: *//p" "$work/fuzz.log" | tail -1; }
    # The last status line: "#N DONE cov: C ft: F corp: …" (or "#N: cov: C ft: F corp: K exec/s: R …" with -fork).
    last=$(grep -E '^#[0-9]+' "$work/fuzz.log" | grep 'cov:' | tail -1)
    cov=$(sed -n 's/.* cov: \([0-9]*\).*/\1/p' <<< "$last")
    ft=$(sed -n 's/.* ft: \([0-9]*\).*/\1/p' <<< "$last")
    runs=$(stat number_of_executed_units)
    rate=$(stat average_exec_per_sec)
    if [ -z "$runs" ]; then
        runs=$(sed -n 's/^#\([0-9]*\):.*/\1/p' <<< "$last")
        elapsed=$(sed -n 's/.* time: \([0-9]*\)s.*/\1/p' <<< "$last")
        [ -n "$runs" ] && [ "${elapsed:-0}" -gt 0 ] && rate=$((runs / elapsed))
    fi
    peak=$(stat peak_rss_mb)
    # -fork jobs print no final statistics; each job is still held to -rss_limit_mb.
    [ -z "$peak" ] && [ ${#mode[@]} -gt 0 ] && peak="<${rss} (per job)"
    corpus_out=$(ls "$work/corpus" | wc -l)
    found=$(ls "$work/artifacts" | grep -E '^(crash|timeout|oom|leak)-')
    finding=$(head -1 <<< "$found")
    [ "$(grep -c . <<< "$found")" -gt 1 ] && finding="$finding (+$(($(grep -c . <<< "$found") - 1)) more)"
    echo "== $target: ${runs:-?} executions (${rate:-?}/s), cov ${cov:-?} ft ${ft:-?}," \
        "corpus $corpus_in -> $corpus_out, peak RSS ${peak:-?} MB, exit $code"
    printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$target" "$seconds" "${runs:-}" "${rate:-}" "${cov:-}" \
        "${ft:-}" "$corpus_in" "$corpus_out" "${peak:-}" "${finding:-none}" >> "$summary"
    if [ -n "$finding" ] || [ "$code" -ne 0 ]; then
        status=1
        grep -E -m3 'ERROR: libFuzzer|ERROR: AddressSanitizer|Fatal error|SUMMARY' "$work/fuzz.log" >&2
        echo "== $target: FINDING ${finding:-(exit $code)} (log: $work/fuzz.log)" >&2
        for artifact in $found; do
            echo "   reproducer: $work/artifacts/$artifact" >&2
            echo "   replay: SWIFT_BACKTRACE=enable=no $binary $work/artifacts/$artifact" >&2
        done
    elif [ "${JIXIAO_FUZZ_MERGE:-0}" = 1 ]; then
        mkdir -p "$work/merged"
        # shellcheck disable=SC2046
        "$binary" -merge=1 "$work/merged" "Fuzz/Corpus/$target" "$work/corpus" $(options "$target") \
            -timeout="$timeout" -rss_limit_mb="$rss" > "$work/merge.log" 2>&1 \
            && rm -f "Fuzz/Corpus/$target/"* && cp "$work/merged/"* "Fuzz/Corpus/$target/" \
            && echo "== $target: corpus merged into Fuzz/Corpus/$target ($(ls "Fuzz/Corpus/$target" | wc -l) inputs)"
    fi
done
column -t -s $'\t' "$summary"
exit $status
