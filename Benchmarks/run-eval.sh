#!/usr/bin/env bash
# Expression benchmark: port evaluations per second of the 20-port Expression transformation in
# Benchmarks/expression-bench.md over 1M generated rows, natively (release build, one thread) and in
# DuckDB's Python package (SET threads=1), in the same run. Prints both rates and the ratio.
# Usage: Benchmarks/run-eval.sh [rows]      # default 1000000
set -euo pipefail
cd "$(dirname "$0")/.."

rows="${1:-1000000}"
runs=3
scratch="${EVAL_BENCH_SCRATCH:-.build-bench}"

python3 -c 'import duckdb' 2>/dev/null || pip install duckdb

swift build -c release --scratch-path "$scratch" --product migrate-bench
bench="$scratch/release/migrate-bench"

mkdir -p Benchmarks/.data
data="Benchmarks/.data/eval-${rows}.csv"
[ -s "$data" ] || "$bench" eval --generate "$data" --rows "$rows" --seed 42

echo "date: $(date -u +%Y-%m-%dT%H:%MZ)  cores: $(nproc)  loadavg: $(cat /proc/loadavg)"
duck_output=$(python3 Benchmarks/duckdb-eval.py "$data" "$runs")
echo "$duck_output"
duck_line=$(head -1 <<<"$duck_output")
best=0
for _ in $(seq "$runs"); do
    line=$("$bench" eval "$data")
    echo "$line"
    rate=$(sed -E 's/.* = ([0-9.]+) M port.*/\1/' <<<"$line")
    best=$(awk -v a="$rate" -v b="$best" 'BEGIN {print (a > b) ? a : b}')
done
duck=$(sed -E 's/.* = ([0-9.]+) M port.*/\1/' <<<"$duck_line")
echo "native best: $best M/s   duckdb best: $duck M/s   duckdb/native: $(awk -v a="$duck" -v b="$best" 'BEGIN {printf "%.2f", a / b}')x"
