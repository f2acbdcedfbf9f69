-- mapping m_same_name, target EMP (sybase)
INSERT INTO EMP (ID, NAME, DEPT, SAL)
SELECT
  ID,
  NAME,
  DEPT,
  SAL
FROM (
  SELECT
    ID,
    NAME,
    DEPT,
    SAL
  FROM HR.EMP
) AS SQ_EMP;
