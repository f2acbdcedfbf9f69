#!/usr/bin/env bash
# Import benchmark: HardenedXMLReader against `xmllint --stream --noout` on a generated 100 MB
# PowerCenter-like export, then the whole import to IR (`migrate-bench import`).
# Usage: Benchmarks/run-import.sh [utf-8|windows-1252] [megabytes]
# Prints the MB/s of each (3 runs each, best and median), the ratio ours/xmllint, and peak RSS / input.
set -euo pipefail
cd "$(dirname "$0")/.."

encoding="${1:-utf-8}"
megabytes="${2:-100}"
runs=3

command -v xmllint >/dev/null || apt-get install -y libxml2-utils \
    || { apt-get update && apt-get install -y libxml2-utils; }

swift build -c release --scratch-path .build-bench --product migrate-bench
bench=.build-bench/release/migrate-bench

mkdir -p Benchmarks/.data
data="Benchmarks/.data/export-${megabytes}mb-${encoding}.xml"
"$bench" generate-export --megabytes "$megabytes" --encoding "$encoding" --seed 42 --out "$data"
size=$(stat -c %s "$data")

echo "date: $(date -u +%Y-%m-%dT%H:%MZ)  cores: $(nproc)  loadavg: $(cat /proc/loadavg)"
echo "input: $data ($size bytes)"

# Median and best of a list of numbers.
summary() { printf '%s\n' "$@" | sort -n | awk '{v[NR]=$1} END {printf "best %.1f  median %.1f", v[NR], v[int((NR+1)/2)]}'; }

xmllint_rates=()
for _ in $(seq "$runs"); do
    start=$EPOCHREALTIME
    xmllint --stream --noout "$data"
    end=$EPOCHREALTIME
    xmllint_rates+=("$(awk -v s="$start" -v e="$end" -v b="$size" 'BEGIN {printf "%.1f", b / 1e6 / (e - s)}')")
done

ours_rates=()
ours_wall_rates=()
peak_ratio=""
baseline=""
for _ in $(seq "$runs"); do
    start=$EPOCHREALTIME
    line=$("$bench" read "$data" | head -1)
    end=$EPOCHREALTIME
    echo "  $line"
    ours_rates+=("$(sed -E 's/.* = ([0-9.]+) MB\/s.*/\1/' <<<"$line")")
    ours_wall_rates+=("$(awk -v s="$start" -v e="$end" -v b="$size" 'BEGIN {printf "%.1f", b / 1e6 / (e - s)}')")
    peak_ratio=$(sed -E 's/.* = ([0-9.]+)x input.*/\1/' <<<"$line")
    baseline=$(sed -E 's/.*\(([0-9.]+) MB before reading\).*/\1/' <<<"$line")
done

echo "xmllint --stream --noout (whole process): MB/s $(summary "${xmllint_rates[@]}")"
echo "HardenedXMLReader (read only):            MB/s $(summary "${ours_rates[@]}")"
echo "migrate-bench read (whole process):       MB/s $(summary "${ours_wall_rates[@]}")"
best_ours=$(printf '%s\n' "${ours_rates[@]}" | sort -n | tail -1)
best_xmllint=$(printf '%s\n' "${xmllint_rates[@]}" | sort -n | tail -1)
echo "ratio ours/xmllint (best vs best): $(awk -v a="$best_ours" -v b="$best_xmllint" 'BEGIN {printf "%.2f", a / b}')"
echo "peak RSS / input: ${peak_ratio}x (the process held ${baseline} MB before reading)"

import_rates=()
import_peaks=()
for _ in $(seq "$runs"); do
    # Exit status 1 only means the export has error diagnostics; the figures are still valid.
    line=$("$bench" import "$data" | head -1) || true
    echo "  $line"
    import_rates+=("$(sed -E 's/.* = ([0-9.]+) MB\/s.*/\1/' <<<"$line")")
    import_peaks+=("$(sed -E 's/.* = ([0-9.]+)x input.*/\1/' <<<"$line")")
done
echo "PowerCenterImporter (import to IR):       MB/s $(summary "${import_rates[@]}")"
echo "import peak RSS / input: $(printf '%s\n' "${import_peaks[@]}" | sort -n | tail -1)x (highest of the runs)"
