-- mapping m_update_strategy_upsert, target T_DEPT_SAL (databricks)
MERGE INTO T_DEPT_SAL AS tgt
USING (
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
ON tgt.DEPT = src.DEPT
WHEN MATCHED THEN UPDATE SET TOTAL_SAL = src.TOTAL_SAL
WHEN NOT MATCHED THEN INSERT (DEPT, TOTAL_SAL) VALUES (src.DEPT, src.TOTAL_SAL);
