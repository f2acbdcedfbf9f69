-- mapping m_reusable, target T_OUT (teradata)
INSERT INTO T_OUT (ID, NAME, DEPT, SAL)
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
  FROM (
    SELECT
      ID,
      NAME,
      DEPT,
      SAL
    FROM HR.EMP
  ) AS SQ_EMP
  WHERE DEPT = 30
) AS FIL_1;
