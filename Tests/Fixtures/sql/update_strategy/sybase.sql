-- mapping m_update_strategy, target T_OUT (sybase)
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
) AS UPD_EMP;
