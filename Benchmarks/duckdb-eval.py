#!/usr/bin/env python3
"""DuckDB side of the expression benchmark (Benchmarks/expression-bench.md).

Usage: duckdb-eval.py CSV [runs]
Loads the CSV into an in-memory table (not timed), then times, with one thread, materialising the
20 port expressions into a temporary table; prints the best run's port evaluations per second.
"""
import sys
import time

import duckdb

PORTS = [
    "CASE WHEN qty > 10 THEN 'BULK' ELSE 'SINGLE' END",
    "CASE code WHEN 'A' THEN 'Alpha' WHEN 'B' THEN 'Beta' WHEN 'C' THEN 'Gamma' ELSE 'Other' END",
    "strptime(dt, '%Y-%m-%d')",
    "substr(name, 1, 5)",
    "ltrim(name, ' ')",
    "qty * price",
    "qty * price * (1 - discount)",
    "price + 1.5",
    "CASE WHEN flag = 1 THEN qty * 2 ELSE qty END",
    "id + qty",
    "ltrim(rtrim(name, ' '), ' ')",
    "code || '-' || CAST(id AS VARCHAR)",
    "round(price * qty, 2)",
    "CASE WHEN name IS NULL THEN 'UNKNOWN' ELSE name END",
    "length(name)",
    "substr(dt, 1, 4)",
    "CAST(substr(dt, 6, 2) AS INTEGER)",
    "CASE WHEN price > 100 AND qty < 5 THEN 1 ELSE 0 END",
    "CASE WHEN qty < 5 THEN 'LOW' WHEN qty < 20 THEN 'MID' ELSE 'HIGH' END",
    "id % 7",
]


def main():
    path = sys.argv[1]
    runs = int(sys.argv[2]) if len(sys.argv) > 2 else 3
    con = duckdb.connect()
    con.execute("SET threads=1")
    con.execute(
        "CREATE TABLE t AS SELECT * FROM read_csv(?, header=true, columns={"
        "'id': 'INTEGER', 'name': 'VARCHAR', 'qty': 'INTEGER', 'price': 'DOUBLE', 'code': 'VARCHAR', "
        "'dt': 'VARCHAR', 'flag': 'INTEGER', 'discount': 'DOUBLE'})",
        [path],
    )
    rows = con.execute("SELECT count(*) FROM t").fetchone()[0]
    select = ", ".join(f"{expr} AS p{i + 1}" for i, expr in enumerate(PORTS))
    best = None
    for _ in range(runs):
        con.execute("DROP TABLE IF EXISTS r")
        start = time.perf_counter()
        con.execute(f"CREATE TEMP TABLE r AS SELECT {select} FROM t")
        seconds = time.perf_counter() - start
        best = seconds if best is None else min(best, seconds)
    rate = rows * len(PORTS) / best / 1e6
    print(f"duckdb {duckdb.__version__}: {rows} rows x {len(PORTS)} ports in {best:.3f} s = {rate:.2f} M port evaluations/s")
    print("first row:", con.execute("SELECT * FROM r LIMIT 1").fetchone())


if __name__ == "__main__":
    main()
