#!/usr/bin/env bash
# libFuzzer runs of the input readers: CSV ingest, XLSX reading, the questionnaire loader and the
# web form decoder (harnesses in fuzz/, seed corpora in fuzz/corpus/).
#
#   scripts/fuzz.sh                 # every target for 60 s
#   scripts/fuzz.sh 300 csv xlsx    # chosen targets for 300 s each
#   scripts/fuzz.sh replay          # no fuzzer: replay the seeds and saved crashes (cheap, for CI)
#
# Builds with -sanitize=fuzzer,address into .build-fuzz (the main .build is not touched).
# Inputs found are kept in .build-fuzz/corpus/<target>; a crash is saved as fuzz/crashes/<target>/crash-*
# — replay it with `swift run FuzzCSV fuzz/crashes/csv/crash-…`, fix, and keep the file as a seed.
set -euo pipefail
cd "$(dirname "$0")/.."

all=(csv xlsx definition form)
product() {
    case "$1" in
        csv) echo FuzzCSV ;; xlsx) echo FuzzXLSX ;; definition) echo FuzzDefinition ;; form) echo FuzzForm ;;
        *) echo "unknown target «$1» (one of: ${all[*]})" >&2; exit 2 ;;
    esac
}

if [[ "${1:-}" == replay ]]; then
    swift build --product FuzzCSV >/dev/null && swift build --product FuzzXLSX >/dev/null && swift build --product FuzzDefinition >/dev/null
    bin=$(swift build --show-bin-path)
    for target in csv xlsx definition; do
        dirs=(fuzz/corpus/$target)
        [[ -d fuzz/crashes/$target ]] && dirs+=(fuzz/crashes/$target)
        printf '%-11s ' "$target"; "$bin/$(product $target)" "${dirs[@]}"
    done
    exit 0
fi

seconds=60
if [[ "${1:-}" =~ ^[0-9]+$ ]]; then seconds=$1; shift; fi
targets=("$@")
((${#targets[@]})) || targets=("${all[@]}")

scratch=.build-fuzz
mkdir -p "$scratch"
# ld.gold fails on ASan-instrumented debug info (internal error in format_file_lineno): link with lld.
lld=$(dirname "$(command -v swiftc)")/ld.lld
printf '{"schemaVersion": "1.0", "linker": {"path": "%s"}}\n' "$lld" > "$scratch/toolset.json"
# SwiftPM points `main` at the harness's @main, so libFuzzer comes without its main (fuzzer_no_main)
# and the harness calls LLVMFuzzerRunDriver; the coverage flags are those -sanitize=fuzzer implies.
runtime=$(dirname "$(command -v swiftc)")/../lib/clang
fuzzer_lib=$(find "$runtime" -name 'libclang_rt.fuzzer_no_main-x86_64.a' | head -1)
[[ -n "$fuzzer_lib" ]] || { echo "libclang_rt.fuzzer_no_main not found under $runtime" >&2; exit 1; }
flags=(--scratch-path "$scratch" --toolset "$scratch/toolset.json" -Xswiftc -sanitize=address
       -Xswiftc -sanitize-coverage=edge,indirect-calls,trace-cmp,inline-8bit-counters,pc-table -Xswiftc -DFUZZING
       -Xlinker "$fuzzer_lib" -Xlinker -lstdc++)

build() {
    local target=$1
    if [[ $target == form ]]; then
        # FormData.swift without its Hummingbird request helper, compiled beside the harness.
        awk '/^import Hummingbird/ { next }
             /Reads a request.s form body/ { skip = 1 }
             skip && /^    }$/ { skip = 0; next }
             !skip' Sources/AnketaWeb/FormData.swift > "$scratch/FormData.swift"
        grep -q 'static func decode' "$scratch/FormData.swift" || { echo "FormData.swift changed shape; update scripts/fuzz.sh" >&2; exit 1; }
        swiftc -sanitize=fuzzer,address -use-ld=lld -parse-as-library -g fuzz/FuzzForm/FuzzForm.swift "$scratch/FormData.swift" -o "$scratch/FuzzForm" >&2 || return 1
        echo "$scratch/FuzzForm"
    else
        swift build "${flags[@]}" --product "$(product "$target")" >&2 || return 1
        echo "$(swift build "${flags[@]}" --show-bin-path)/$(product "$target")"
    fi
}

summary=()
for target in "${targets[@]}"; do
    binary=$(build "$target") || { echo "build of $target failed" >&2; exit 1; }
    work="$scratch/corpus/$target"
    mkdir -p "$work" "fuzz/crashes/$target"
    log="$scratch/$target.log"
    echo "== $target: $seconds s ($binary)"
    # Leak checking is off, per input and at exit: ZIPFoundation leaks the path buffer of every
    # Archive it opens (FileManager.fileSystemRepresentation is never freed) and FoundationXML each
    # parser error — not ours, and it would end every XLSX run or mark it failed.
    status=0
    ASAN_OPTIONS=detect_leaks=0 "$binary" "$work" "fuzz/corpus/$target" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -detect_leaks=0 \
        -max_len=65536 -artifact_prefix="fuzz/crashes/$target/" -print_final_stats=1 >"$log" 2>&1 || status=$?
    runs=$(grep -Eo 'stat::number_of_executed_units: *[0-9]+' "$log" | tail -1 | grep -Eo '[0-9]+$' || echo "?")
    crashes=$(find "fuzz/crashes/$target" -type f | wc -l)
    summary+=("$target: $runs runs in $seconds s, exit $status, saved crash/timeout/oom inputs: $crashes (log: $log)")
done
printf '%s\n' "${summary[@]}"
