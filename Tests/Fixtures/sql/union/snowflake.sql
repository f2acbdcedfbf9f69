-- mapping m_union, target T_OUT (snowflake)
INSERT INTO T_OUT (ID, NAME)
WITH
  SQ_EMP AS (
    SELECT
      ID,
      NAME,
      DEPT,
      SAL
    FROM HR.EMP
  ),
  UN_ALL AS (
    SELECT
      ID,
      NAME
    FROM SQ_EMP
    UNION ALL
    SELECT
      DEPT AS ID,
      NAME
    FROM SQ_EMP
  )
SELECT
  ID,
  NAME
FROM UN_ALL;
