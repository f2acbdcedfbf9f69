-- mapping m_update_strategy_upsert, target T_DEPT_SAL (sybase)
BEGIN TRANSACTION;
UPDATE T_DEPT_SAL
SET TOTAL_SAL = src.TOTAL_SAL
FROM T_DEPT_SAL, (
  SELECT
    DEPT,
    TOTAL AS TOTAL_SAL
  FROM (
    SELECT
      DEPT,
      TOTAL,
      CASE WHEN TOTAL > 0 THEN 1 ELSE 3 END AS ROW_KIND
    FROM (
      SELECT
        DEPT,
        SUM(SAL) AS TOTAL
      FROM (
        SELECT
          ID,
          NAME,
          DEPT,
          SAL
        FROM HR.EMP
      ) AS SQ_EMP
      GROUP BY DEPT
    ) AS AGG_DEPT
  ) AS UPD_DEPT
  WHERE ROW_KIND = 1 AND DEPT IS NOT NULL
) src
WHERE T_DEPT_SAL.DEPT = src.DEPT;
INSERT INTO T_DEPT_SAL (DEPT, TOTAL_SAL)
SELECT
  src.DEPT,
  src.TOTAL_SAL
FROM (
  SELECT
    DEPT,
    TOTAL AS TOTAL_SAL
  FROM (
    SELECT
      DEPT,
      TOTAL,
      CASE WHEN TOTAL > 0 THEN 1 ELSE 3 END AS ROW_KIND
    FROM (
      SELECT
        DEPT,
        SUM(SAL) AS TOTAL
      FROM (
        SELECT
          ID,
          NAME,
          DEPT,
          SAL
        FROM HR.EMP
      ) AS SQ_EMP
      GROUP BY DEPT
    ) AS AGG_DEPT
  ) AS UPD_DEPT
  WHERE ROW_KIND = 1 AND DEPT IS NOT NULL
) AS src
WHERE NOT EXISTS (SELECT 1
  FROM T_DEPT_SAL
  WHERE T_DEPT_SAL.DEPT = src.DEPT);
COMMIT;
