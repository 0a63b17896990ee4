#!/usr/bin/env bash
# make fuzz: builds the libFuzzer harnesses in Fuzz/ (with AddressSanitizer) and runs each
# from its committed seed corpus for FUZZ_SECONDS (default 60) seconds.
#
#   make fuzz                         every target, 60 s each
#   make fuzz FUZZ_SECONDS=600        ten minutes each
#   make fuzz FUZZ_TARGETS=Expression one target
#   FUZZ_SEED=1                       a fixed random seed (CI), for a repeatable run
#
# New inputs that grow coverage go to .build-fuzz/corpus/ (the committed corpus is only
# read). A crash stops its target, leaves the input in .build-fuzz/crashes/ and makes the
# script fail; fix it, then add the input to Fuzz/Corpus/<target>/ and to a regression test.
set -euo pipefail
cd "$(dirname "$0")/.."

seconds=${FUZZ_SECONDS:-60}
seed=${FUZZ_SEED:+-seed=$FUZZ_SEED}
targets=${FUZZ_TARGETS:-"Spec Expression CommandLine Render NPY"}
scratch=.build-fuzz

echo "fuzz: building the harnesses with -sanitize=fuzzer,address"
# One build of every harness (with ACTPLOT_FUZZ=1 the package holds nothing else to link).
ACTPLOT_FUZZ=1 swift build -c release --scratch-path "$scratch" -Xswiftc -sanitize=fuzzer,address -Xswiftc -g 2>&1 \
    | grep -Ev "warning: Cannot export local symbol|^\[[0-9]+/[0-9]+\]" || true
for target in $targets; do
    test -x "$scratch/release/Fuzz$target" || { echo "fuzz: Fuzz$target did not build" >&2; exit 1; }
done

failed=0
summary=""
for target in $targets; do
    work="$scratch/corpus/$target"
    crashes="$scratch/crashes/$target"
    mkdir -p "$work" "$crashes"
    log="$scratch/fuzz-$target.log"
    echo "fuzz: Fuzz$target for ${seconds}s"
    # The Swift runtime's backtracer would wait on a crashing, instrumented process.
    if SWIFT_BACKTRACE=enable=no LSAN_OPTIONS=suppressions=Fuzz/lsan.supp "$scratch/release/Fuzz$target" "$work" "Fuzz/Corpus/$target" \
        -max_total_time="$seconds" -timeout=20 -rss_limit_mb=4096 -max_len=4096 \
        -artifact_prefix="$crashes/" -print_final_stats=1 $seed >"$log" 2>&1; then
        result="no crash"
    else
        result="CRASH: $(ls -t "$crashes" | head -1)"
        failed=1
        grep -E "ERROR|Fatal error|Precondition|SUMMARY" "$log" | head -5 >&2 || true
    fi
    runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -1)
    edges=$(grep -Eo 'cov: [0-9]+' "$log" | tail -1 | cut -d' ' -f2)
    summary+=$(printf '%-12s %10s runs  %6s edges  %s' "$target" "${runs:-?}" "${edges:-?}" "$result")$'\n'
done
echo
echo "target           executions   coverage  result (${seconds}s each)"
printf '%s' "$summary"
exit $failed
