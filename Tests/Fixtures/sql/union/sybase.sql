-- mapping m_union, target T_OUT (sybase)
INSERT INTO T_OUT (ID, NAME)
SELECT
  ID,
  NAME
FROM (
  SELECT
    ID,
    NAME
  FROM (
    SELECT
      ID,
      NAME,
      DEPT,
      SAL
    FROM HR.EMP
  ) AS SQ_EMP
  UNION ALL
  SELECT
    DEPT AS ID,
    NAME
  FROM (
    SELECT
      ID,
      NAME,
      DEPT,
      SAL
    FROM HR.EMP
  ) AS SQ_EMP
) AS UN_ALL;
