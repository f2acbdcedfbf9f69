-- mapping m_update_strategy, target T_OUT (postgres)
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
  UPD_EMP AS (
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
FROM UPD_EMP;
