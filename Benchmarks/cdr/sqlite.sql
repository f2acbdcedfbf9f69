-- Oracle for the telecom CDR demo (Examples/telecom, mapping m_TELECOM_CDR_DAILY), in SQLite.
-- Written from the mapping's semantics, not from our generated SQL, so it can catch our mistakes.
-- Run in the data directory (it reads cdr.csv and tariffs.csv and writes oracle-sqlite.csv):
--     cd DIR && sqlite3 :memory: < Benchmarks/cdr/sqlite.sql
-- (Benchmarks/cdr/run-oracles.sh does this and times it.)
--
-- PowerCenter semantics reproduced, port by port:
--   * Bad rows are row errors, dropped before the aggregates (EXP_PREPARE raises ERROR(), the row
--     goes to the session log / reject file, the session continues: "Stop on errors" = 0):
--       - DURATION_SEC not a number: IS_NUMBER(DURATION_SEC) is false. The generator writes either
--         plain digits or a non-number ('abc', '12s', 'N/A'), so "digits only" is the same test here
--         (IS_NUMBER would also accept blanks, a sign, decimals and exponents; none occur).
--       - CALL_START not a date in 'YYYY-MM-DD HH24:MI:SS': IS_DATE is false. Checked as: the digit
--         pattern, hour <= 23 (minutes and seconds <= 59 by the pattern), and a day that exists:
--         date(julianday(day)) normalises 2026-11-31 to 2026-12-01 and gives NULL for month 13, so
--         the day is valid exactly when it comes back unchanged. (strftime() alone is not enough:
--         it returns '2026-11-31' and '24:05:00' unchanged.)
--   * MSISDN: LTRIM(RTRIM(CALLER_MSISDN)) removes blanks (spaces) only: trim(x, ' ').
--   * Test numbers (FIL_DROP_TEST_NUMBERS): SUBSTR(msisdn, 1, 3) = '999' or the two listed SIMs.
--   * CALL_DATE = TRUNC(TO_DATE(CALL_START, ...), 'DD'): the day, time 00:00:00; written YYYY-MM-DD.
--   * Roaming test (RTR_ROAMING): UPPER(LTRIM(RTRIM(ROAMING_FLAG))) = 'Y'. Blank, NULL, 'N' and any
--     other value are home usage (IIF with a NULL condition takes the else branch, and a row that
--     matches no group goes to the DEFAULT group).
--   * LKP_TARIFF: cached flat-file lookup, condition TARIFF_CODE = IN_TARIFF_CODE, exact and case
--     sensitive; the codes in tariffs.csv are unique, so 'Use First Value' never has to choose
--     (the first row in file order is taken anyway). An empty or unknown code finds nothing.
--   * Minutes: CEIL(DURATION_SEC / 60), every started minute billed (61 s -> 2, 0 s -> 0); computed
--     here in integers as (d + 59) / 60.
--   * Rate: IIF(ISNULL(RATE_PER_MIN), 0.5, RATE_PER_MIN): a lookup miss is billed 0.5000 per minute.
--   * Charge per call: minutes * rate, no rounding (the session has high precision on; the charge
--     ports have scale 4 and the rates have 4 decimals, so the product is exact). To stay exact
--     here too, rates are kept in units of 0.0001 (integers) and summed as integers.
--   * Aggregators: group by (MSISDN, CALL_DATE) per usage type; CALLS = COUNT(CALL_ID) (CALL_ID is
--     never empty), MINUTES = SUM(minutes), CHARGE = SUM(charge); USAGE_TYPE 'ROAMING' or 'HOME'.
--   * UPD_UPSERT flags every row DD_UPDATE with "Update else Insert": on an empty table the result
--     is exactly these rows (one per key; the two usage types never share a key).
.bail on
CREATE TABLE cdr (
    CALL_ID TEXT, CALLER_MSISDN TEXT, CALLED_NUMBER TEXT, CALL_START TEXT,
    DURATION_SEC TEXT, TARIFF_CODE TEXT, ROAMING_FLAG TEXT, CELL_ID TEXT
);
CREATE TABLE tariffs (TARIFF_CODE TEXT, TARIFF_NAME TEXT, RATE_PER_MIN TEXT);
.import --csv --skip 1 cdr.csv cdr
.import --csv --skip 1 tariffs.csv tariffs
.headers on
.mode csv
.separator "," "\n"
.output oracle-sqlite.csv
WITH prepared AS (
    SELECT
        trim(CALLER_MSISDN, ' ') AS msisdn,
        substr(CALL_START, 1, 10) AS call_date,
        (CAST(DURATION_SEC AS INTEGER) + 59) / 60 AS minutes,
        TARIFF_CODE AS tariff_code,
        CASE WHEN upper(trim(ROAMING_FLAG, ' ')) = 'Y' THEN 'ROAMING' ELSE 'HOME' END AS usage_type
    FROM cdr
    WHERE DURATION_SEC GLOB '[0-9]*' AND NOT DURATION_SEC GLOB '*[^0-9]*'
      AND CALL_START GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9] [0-2][0-9]:[0-5][0-9]:[0-5][0-9]'
      AND substr(CALL_START, 12, 2) <= '23'
      AND date(julianday(substr(CALL_START, 1, 10))) IS substr(CALL_START, 1, 10)
),
billable AS (
    SELECT * FROM prepared
    WHERE NOT (substr(msisdn, 1, 3) = '999' OR msisdn IN ('491700000000', '491709999999'))
),
first_tariff AS (
    SELECT TARIFF_CODE AS code, CAST(round(CAST(RATE_PER_MIN AS REAL) * 10000) AS INTEGER) AS rate_units
    FROM tariffs
    WHERE rowid IN (SELECT min(rowid) FROM tariffs GROUP BY TARIFF_CODE)
),
rated AS (
    SELECT b.msisdn, b.call_date, b.usage_type, b.minutes,
           b.minutes * coalesce(t.rate_units, 5000) AS charge_units
    FROM billable AS b LEFT JOIN first_tariff AS t ON t.code = b.tariff_code
),
daily AS (
    SELECT msisdn, call_date, usage_type, count(*) AS calls, sum(minutes) AS minutes,
           sum(charge_units) AS charge_units
    FROM rated
    GROUP BY msisdn, call_date, usage_type
)
SELECT msisdn AS SUBSCRIBER_MSISDN, call_date AS CALL_DATE, usage_type AS USAGE_TYPE,
       calls AS CALLS, minutes AS MINUTES,
       printf('%d.%04d', charge_units / 10000, charge_units % 10000) AS CHARGE
FROM daily
ORDER BY SUBSCRIBER_MSISDN, CALL_DATE, USAGE_TYPE;
.output stdout
