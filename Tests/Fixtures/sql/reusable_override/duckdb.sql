-- mapping m_reusable, target T_OUT (duckdb)
INSERT INTO T_OUT (ID, NAME, DEPT, SAL)
WITH
  SQ_EMP AS (
    SELECT
      ID,
      NAME,
      DEPT,
      SAL
    FROM HR.EMP
  ),
  FIL_1 AS (
    SELECT
      ID,
      NAME,
      DEPT,
      SAL
    FROM SQ_EMP
    WHERE DEPT = 30
  )
SELECT
  ID,
  NAME,
  DEPT,
  SAL
FROM FIL_1;
