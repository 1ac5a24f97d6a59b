#!/usr/bin/env bash
# The test suite under AddressSanitizer and ThreadSanitizer, each in its own build folder
# (.build-asan, .build-tsan) so the normal .build stays as it is. Slow: a full build per sanitizer.
#
#   scripts/sanitizers.sh                         # both, whole suite
#   scripts/sanitizers.sh address                 # one sanitizer
#   scripts/sanitizers.sh thread --filter 'AnketaCollectTests|AnketaCoreTests'   # extra arguments go to swift test
set -euo pipefail
cd "$(dirname "$0")/.."

sanitizers=(address thread)
if [[ "${1:-}" == address || "${1:-}" == thread ]]; then sanitizers=("$1"); shift; fi

export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=0:abort_on_error=1}   # leaks: Foundation keeps caches alive to exit
export TSAN_OPTIONS=${TSAN_OPTIONS:-halt_on_error=1}
failed=0
for sanitizer in "${sanitizers[@]}"; do
    scratch=.build-${sanitizer/address/asan}
    scratch=${scratch/thread/tsan}
    mkdir -p "$scratch"
    log="$scratch/sanitizer-tests.log"
    echo "== swift test --sanitize=$sanitizer (scratch path $scratch) $*"
    if swift test --sanitize="$sanitizer" --scratch-path "$scratch" "$@" 2>&1 | tee "$log" | grep -E 'Test run with|Sanitizer' | tail -20; then :; fi
    if grep -qE 'ERROR: AddressSanitizer|WARNING: ThreadSanitizer|with [0-9]+ issues?' "$log" || ! grep -q 'passed after' "$log"; then
        echo "$sanitizer: FAILED — see $log"
        failed=1
    else
        echo "$sanitizer: clean — $(grep -E 'Test run with' "$log" | tail -1)"
    fi
done
exit $failed
