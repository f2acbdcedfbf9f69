#!/usr/bin/env bash
# Runs the two SQL oracles of the telecom CDR demo on DIR/cdr.csv and DIR/tariffs.csv (written by
# `migrate-bench cdr-data --rows N --seed S --out DIR`), prints input rows per second for each
# (whole run: CSV load + query + CSV write, one thread), writes DIR/oracle-sqlite.csv and
# DIR/oracle-duckdb.csv (header + rows sorted by SUBSCRIBER_MSISDN, CALL_DATE, USAGE_TYPE) and
# says whether they are identical. Exit status 1 when they differ or an oracle fails.
#
#     Benchmarks/cdr/run-oracles.sh DIR
set -euo pipefail

if [[ $# -ne 1 || ! -f "$1/cdr.csv" || ! -f "$1/tariffs.csv" ]]; then
    echo "usage: $0 DIR   (DIR holds cdr.csv and tariffs.csv)" >&2
    exit 2
fi
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
data="$(cd "$1" && pwd)"

if ! command -v sqlite3 >/dev/null; then
    echo "installing sqlite3 ..." >&2
    apt-get install -y sqlite3 >/dev/null
fi
if ! python3 -c 'import duckdb' 2>/dev/null; then
    echo "installing duckdb (pip) ..." >&2
    python3 -m pip install --quiet duckdb
fi

rows=$(($(wc -l < "$data/cdr.csv") - 1))
echo "input: $data/cdr.csv, $rows rows; loadavg $(cut -d' ' -f1-3 /proc/loadavg)"

rate() { python3 -c "import sys; r, s = int(sys.argv[1]), float(sys.argv[2]); print(f'{s:.2f} s, {r / s:,.0f} rows/s')" "$1" "$2"; }

start=$(date +%s.%N)
(cd "$data" && sqlite3 :memory: < "$here/sqlite.sql")
end=$(date +%s.%N)
echo "sqlite3 $(sqlite3 --version | cut -d' ' -f1): $(rate "$rows" "$(echo "$end - $start" | bc)") -> $data/oracle-sqlite.csv"

start=$(date +%s.%N)
(cd "$data" && python3 -c '
import sys, duckdb
con = duckdb.connect()
con.execute("SET threads = 1")
con.execute("SET enable_progress_bar = false")
con.execute(open(sys.argv[1]).read())
' "$here/duckdb.sql")
end=$(date +%s.%N)
echo "duckdb $(python3 -c 'import duckdb; print(duckdb.__version__)') (1 thread): $(rate "$rows" "$(echo "$end - $start" | bc)") -> $data/oracle-duckdb.csv"

if cmp -s "$data/oracle-sqlite.csv" "$data/oracle-duckdb.csv"; then
    echo "oracles agree: $(($(wc -l < "$data/oracle-sqlite.csv") - 1)) rows"
else
    echo "oracles DIFFER:" >&2
    diff "$data/oracle-sqlite.csv" "$data/oracle-duckdb.csv" | head -20 >&2
    exit 1
fi
