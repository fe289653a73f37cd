#!/usr/bin/env bash
# make bench: codes a corpus of at least 50 MB of our own articles (repeated
# with new ids) on one core and on all cores, and prints throughput, start-up
# time and peak memory.  Figures depend on the machine: report them with it.
set -euo pipefail
cd "$(dirname "$0")/.."
MB=${BENCH_MB:-50}
corpus=build/bench/corpus.jsonl
mkdir -p build/bench
if [ ! -f "$corpus" ] || [ "$(stat -c %s "$corpus")" -lt $((MB * 1000000)) ]; then
    python3 scripts/make-corpus.py "$corpus" "$MB"
fi
echo "machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo), $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //')"
echo "corpus: $corpus ($(du -h "$corpus" | cut -f1) on disk)"

# start-up: an empty input, best of 20 runs (dictionary loading dominates)
best=""
for _ in $(seq 20); do
    t0=$(date +%s%N); ./parley code -j 1 < /dev/null > /dev/null 2>&1 || true; t1=$(date +%s%N)
    ms=$(( (t1 - t0) / 1000000 ))
    if [ -z "$best" ] || [ "$ms" -lt "$best" ]; then best=$ms; fi
done
echo "start-up (empty input, whole process, best of 20): ${best} ms"

echo "one core:"
./parley code -j 1 --summary "$corpus" 2>&1 >/dev/null | sed 's/^/  /'
echo "all cores ($(nproc)):"
./parley code -j "$(nproc)" --summary "$corpus" 2>&1 >/dev/null | sed 's/^/  /'
