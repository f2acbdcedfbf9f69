#!/usr/bin/env bash
# The runtime benchmark: the telecom demo pipeline (Examples/telecom: flat-file CDRs -> drop test
# numbers -> tariff lookup -> roaming/home router -> per-subscriber daily aggregates -> upsert into
# SQLite) on N generated CDR rows, run by `migrate run` (release build, one thread), and the same work
# by SQLite and by DuckDB (Python package, SET threads = 1) in the same run (Benchmarks/cdr/*.sql:
# CSV load + query + result written). Each engine's target must equal the others'. Prints input rows
# per second for each and the ratios against the native engine.
# Usage: Benchmarks/run-cdr.sh [rows]      # default 10000000
set -euo pipefail
cd "$(dirname "$0")/.."

rows="${1:-10000000}"
scratch="${CDR_BENCH_SCRATCH:-.build-bench}"
work="Benchmarks/.data/cdr-$rows"

swift build -c release --scratch-path "$scratch" --product migrate
swift build -c release --scratch-path "$scratch" --product migrate-bench
bin="$scratch/release"

mkdir -p "$work/data"
[ -s "$work/data/cdr.csv" ] || "$bin/migrate-bench" cdr-data --rows "$rows" --seed 42 --out "$work/data"
cat > "$work/connections.yaml" <<EOF
connections:
  DW_SQLITE: {type: sqlite, path: dw.sqlite, create_tables: true}
directories: {PMSourceFileDir: data, PMLookupFileDir: data}
EOF

echo "date: $(date -u +%Y-%m-%dT%H:%MZ)  cores: $(nproc)  loadavg: $(cut -d' ' -f1-3 /proc/loadavg)  rows: $rows"
rm -rf "$work/dw.sqlite"* "$work/runs"
start=$(date +%s.%N)
/usr/bin/time -f "%M %U %S" -o "$work/rss.txt" \
  "$bin/migrate" run Examples/telecom/telecom_cdr.XML --connections "$work/connections.yaml" --runs "$work/runs" \
  > "$work/native.txt"
end=$(date +%s.%N)
native=$(echo "$end - $start" | bc)
grep -E "succeeded|FAILED" "$work/native.txt" | head -1
sed -n '/node /,/rejected rows/p' "$work/native.txt"
read -r rss user sys < "$work/rss.txt"
cpu=$(echo "$user + $sys" | bc)
# The flat-file reader parses each 8 MiB block in two halves on two threads when the machine has
# two cores; the CPU time shows what the run cost in core-seconds, next to its wall time.
echo "native peak RSS: $(( rss / 1024 )) MiB, CPU time (user + sys): $cpu s"

oracles=$(bash Benchmarks/cdr/run-oracles.sh "$work/data")
echo "$oracles"
sqlite3 -csv -header "$work/dw.sqlite" \
  "SELECT SUBSCRIBER_MSISDN, substr(CALL_DATE, 1, 10) AS CALL_DATE, USAGE_TYPE, CALLS, MINUTES,
          printf('%.4f', CHARGE) AS CHARGE
   FROM SUBSCRIBER_DAILY_USAGE ORDER BY SUBSCRIBER_MSISDN, CALL_DATE, USAGE_TYPE" | tr -d '\r' > "$work/native.csv"
if cmp -s "$work/native.csv" <(tr -d '\r' < "$work/data/oracle-sqlite.csv"); then
  echo "native target equals the oracles': $(( $(wc -l < "$work/native.csv") - 1 )) rows"
else
  echo "native target DIFFERS from the oracles" >&2
  exit 1
fi

seconds() { sed -nE "s/^$1.*: ([0-9.]+) s,.*/\1/p" <<<"$oracles"; }
sqlite=$(seconds sqlite3)
duck=$(seconds duckdb)
awk -v n="$rows" -v a="$native" -v c="$cpu" -v s="$sqlite" -v d="$duck" 'BEGIN {
  printf "native: %.2f s, %.0f rows/s (%.0f rows per CPU-second)\n", a, n / a, n / c
  printf "sqlite: %.2f s, %.0f rows/s   native/sqlite speed: %.2fx\n", s, n / s, s / a
  printf "duckdb: %.2f s, %.0f rows/s   duckdb/native speed: %.2fx\n", d, n / d, a / d
}'
