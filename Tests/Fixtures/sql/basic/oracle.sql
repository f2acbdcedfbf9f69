-- mapping m_basic, target T_OUT (oracle)
INSERT INTO T_OUT (ID, NAME, DEPT, SAL)
WITH
  SQ_EMP AS (
    SELECT DISTINCT
      ID,
      NAME,
      DEPT,
      SAL
    FROM HR.EMP
    WHERE (DEPT > 10)
  )
SELECT
  ID,
  NAME,
  DEPT,
  SAL
FROM SQ_EMP;
