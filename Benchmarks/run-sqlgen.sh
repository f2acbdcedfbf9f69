#!/usr/bin/env bash
# SQL generation benchmark (issue 5): import every corpus export, then optimize and lower every
# mapping to SQL in all ten dialects, in the same run; prints both medians and their ratio.
# Usage: Benchmarks/run-sqlgen.sh [FOLDER] [RUNS]   (FOLDER defaults to ../shared/corpus/powercenter)
set -euo pipefail
cd "$(dirname "$0")/.."
folder="${1:-../shared/corpus/powercenter}"
runs="${2:-5}"
swift build -c release --scratch-path .build-bench --product migrate-bench
echo "date: $(date -u +%Y-%m-%dT%H:%MZ)  cores: $(nproc)  loadavg: $(cat /proc/loadavg)"
.build-bench/release/migrate-bench sqlgen "$folder" --runs "$runs"
