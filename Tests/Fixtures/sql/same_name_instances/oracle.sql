-- mapping m_same_name, target EMP (oracle)
INSERT INTO EMP (ID, NAME, DEPT, SAL)
WITH
  SQ_EMP AS (
    SELECT
      ID,
      NAME,
      DEPT,
      SAL
    FROM HR.EMP
  )
SELECT
  ID,
  NAME,
  DEPT,
  SAL
FROM SQ_EMP;
