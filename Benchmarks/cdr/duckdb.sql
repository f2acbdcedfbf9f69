-- Oracle for the telecom CDR demo (Examples/telecom, mapping m_TELECOM_CDR_DAILY), in DuckDB.
-- Independent of sqlite.sql on purpose: it parses the timestamp and truncates it (instead of
-- cutting the text), divides in floating point and rounds up (instead of integer arithmetic), and
-- sums exact DECIMAL(·,4) charges (instead of integer units). Both must give the same rows.
-- Run in the data directory (it reads cdr.csv and tariffs.csv and writes oracle-duckdb.csv);
-- Benchmarks/cdr/run-oracles.sh runs it through DuckDB's Python package with SET threads = 1.
--
-- PowerCenter semantics reproduced (see sqlite.sql for the longer notes):
--   * Row errors dropped before the aggregates: DURATION_SEC that is not a number (IS_NUMBER; the
--     generator writes digits or 'abc'/'12s'/'N/A', so "digits only" is the same test) and
--     CALL_START that is not a valid 'YYYY-MM-DD HH24:MI:SS' date (IS_DATE; try_strptime is NULL
--     for 2026-11-31, hour 24, month 13, February 30).
--   * MSISDN = LTRIM(RTRIM(CALLER_MSISDN)) (blanks only); test numbers: prefix '999' or the two SIMs.
--   * CALL_DATE = TRUNC(TO_DATE(CALL_START, 'YYYY-MM-DD HH24:MI:SS'), 'DD').
--   * Roaming when UPPER(LTRIM(RTRIM(ROAMING_FLAG))) = 'Y'; blank/NULL/other -> home (DEFAULT group).
--   * Tariff: exact, case-sensitive match on TARIFF_CODE (codes are unique in tariffs.csv, so
--     'Use First Value' never chooses); a miss (unknown or empty code) -> rate 0.5000.
--   * MINUTES = CEIL(DURATION_SEC / 60); CHARGE = MINUTES * rate, exact, not rounded.
--   * Daily totals per (MSISDN, CALL_DATE, USAGE_TYPE): COUNT(CALL_ID), SUM(MINUTES), SUM(CHARGE).
--   * DD_UPDATE + "Update else Insert" on an empty table: exactly these rows.
CREATE TABLE cdr AS
SELECT * FROM read_csv('cdr.csv', header = true, delim = ',', quote = '"', escape = '"',
    columns = {
        'CALL_ID': 'VARCHAR', 'CALLER_MSISDN': 'VARCHAR', 'CALLED_NUMBER': 'VARCHAR',
        'CALL_START': 'VARCHAR', 'DURATION_SEC': 'VARCHAR', 'TARIFF_CODE': 'VARCHAR',
        'ROAMING_FLAG': 'VARCHAR', 'CELL_ID': 'VARCHAR'});
CREATE TABLE tariffs AS
SELECT * FROM read_csv('tariffs.csv', header = true, delim = ',', quote = '"', escape = '"',
    columns = {'TARIFF_CODE': 'VARCHAR', 'TARIFF_NAME': 'VARCHAR', 'RATE_PER_MIN': 'DECIMAL(8,4)'});
COPY (
    WITH prepared AS (
        SELECT
            trim(CALLER_MSISDN, ' ') AS msisdn,
            try_strptime(CALL_START, '%Y-%m-%d %H:%M:%S') AS call_start,
            DURATION_SEC AS duration_text,
            TARIFF_CODE AS tariff_code,
            coalesce(upper(trim(ROAMING_FLAG, ' ')) = 'Y', false) AS roaming
        FROM cdr
    ),
    billable AS (
        SELECT * FROM prepared
        WHERE regexp_full_match(coalesce(duration_text, ''), '[0-9]+') AND call_start IS NOT NULL
          AND NOT (starts_with(msisdn, '999') OR msisdn IN ('491700000000', '491709999999'))
    ),
    first_tariff AS (
        SELECT TARIFF_CODE AS code, first(RATE_PER_MIN ORDER BY n) AS rate
        FROM (SELECT *, row_number() OVER () AS n FROM tariffs)
        GROUP BY TARIFF_CODE
    ),
    rated AS (
        SELECT
            b.msisdn,
            CAST(date_trunc('day', b.call_start) AS DATE) AS call_date,
            CASE WHEN b.roaming THEN 'ROAMING' ELSE 'HOME' END AS usage_type,
            CAST(ceil(CAST(b.duration_text AS BIGINT) / 60) AS BIGINT) AS minutes,
            coalesce(t.rate, CAST(0.5 AS DECIMAL(8,4))) AS rate
        FROM billable AS b LEFT JOIN first_tariff AS t ON t.code = b.tariff_code
    )
    SELECT msisdn AS SUBSCRIBER_MSISDN, strftime(call_date, '%Y-%m-%d') AS CALL_DATE,
           usage_type AS USAGE_TYPE, count(*) AS CALLS, sum(minutes) AS MINUTES,
           CAST(sum(CAST(minutes AS DECIMAL(18,0)) * rate) AS VARCHAR) AS CHARGE
    FROM rated
    GROUP BY ALL
    ORDER BY SUBSCRIBER_MSISDN, CALL_DATE, USAGE_TYPE
) TO 'oracle-duckdb.csv' (HEADER, DELIMITER ',');
