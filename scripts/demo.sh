#!/usr/bin/env bash
# The main job on the embedded default (SQLite), end to end:
#   1. convert the bundled exports (Examples/) into canonical YAML, check and re-format every output;
#   2. generate the telecom demo's call detail records (seeded);
#   3. run the converted telecom workflow natively: flat-file CDRs -> filter -> tariff lookup ->
#      router -> daily aggregates -> upsert into an embedded SQLite database;
#   4. verify: the target table must equal, row for row, what an independent SQL oracle computes
#      from the same files (Benchmarks/cdr/sqlite.sql).
# Usage: bash scripts/demo.sh [ROWS]   (default 100000 CDR rows)
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/setup.sh
rows="${1:-100000}"

swift build --product migrate
swift build --product migrate-bench
bin="$(swift build --show-bin-path)"
out="out/demo"
rm -rf "$out"

echo "== 1. convert Examples/ into $out"
status=0
"$bin/migrate" convert Examples --out "$out" || status=$?
if [ "$status" -ne 0 ]; then
  echo "demo: convert exited with $status; every bundled export must convert fully" >&2
  exit 1
fi
find "$out" -name '*.yaml' -print0 | sort -z | xargs -0 "$bin/migrate" check
find "$out" -name '*.yaml' -print0 | sort -z | while IFS= read -r -d '' file; do
  if ! "$bin/migrate" fmt "$file" | cmp -s - "$file"; then
    echo "demo: fmt changed $file" >&2
    exit 1
  fi
done
echo "every output checks and is in canonical form"

echo "== 2. generate $rows call detail records"
rm -rf .demo/telecom
mkdir -p .demo/telecom/data
"$bin/migrate-bench" cdr-data --rows "$rows" --seed 42 --out .demo/telecom/data

echo "== 3. run the converted workflow (YAML) on the embedded SQLite database"
converted="$out/telecom/telecom_cdr.XML/TELCO_BILLING"
"$bin/migrate" run "$converted/wf_TELECOM_CDR_DAILY.workflow.yaml" "$converted/m_TELECOM_CDR_DAILY.pipeline.yaml" \
  --connections Examples/telecom/connections.yaml --runs .demo/telecom/runs

echo "== 4. verify the target against the SQL oracle"
(cd .demo/telecom/data && sqlite3 :memory: < "$OLDPWD/Benchmarks/cdr/sqlite.sql")
sqlite3 -csv -header .demo/telecom/dw.sqlite \
  "SELECT SUBSCRIBER_MSISDN, substr(CALL_DATE, 1, 10) AS CALL_DATE, USAGE_TYPE, CALLS, MINUTES,
          printf('%.4f', CHARGE) AS CHARGE
   FROM SUBSCRIBER_DAILY_USAGE ORDER BY SUBSCRIBER_MSISDN, CALL_DATE, USAGE_TYPE" \
  | tr -d '\r' > .demo/telecom/target.csv
tr -d '\r' < .demo/telecom/data/oracle-sqlite.csv > .demo/telecom/oracle.csv
if ! cmp -s .demo/telecom/target.csv .demo/telecom/oracle.csv; then
  echo "demo: the target differs from the oracle:" >&2
  diff .demo/telecom/oracle.csv .demo/telecom/target.csv | head -20 >&2
  exit 1
fi
echo "demo: ok - $(($(wc -l < .demo/telecom/target.csv) - 1)) target rows identical to the SQL oracle's"
