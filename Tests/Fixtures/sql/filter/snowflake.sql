-- mapping m_filter, target T_OUT (snowflake)
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
  FIL_DEPT AS (
    SELECT
      ID,
      NAME,
      DEPT,
      SAL
    FROM SQ_EMP
    WHERE DEPT = 20 AND SAL > 1000
  )
SELECT
  ID,
  NAME,
  DEPT,
  SAL
FROM FIL_DEPT;
