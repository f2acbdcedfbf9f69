-- mapping m_transaction_control, target T_OUT (databricks)
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
  TC_DEPT AS (
    SELECT
      ID,
      NAME,
      DEPT,
      SAL
    FROM SQ_EMP
  )
SELECT
  ID,
  NAME,
  DEPT,
  SAL
FROM TC_DEPT;
