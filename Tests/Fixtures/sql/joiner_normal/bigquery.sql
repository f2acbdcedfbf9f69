-- mapping m_joiner_normal, target T_OUT (bigquery)
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
  SQ_DEPTS AS (
    SELECT
      DEPT_ID,
      DNAME
    FROM HR.DEPTS
  ),
  JNR_EMP_DEPT AS (
    SELECT
      D.ID,
      D.DEPT,
      M.DEPT_ID,
      M.DNAME
    FROM SQ_EMP AS D
    INNER JOIN SQ_DEPTS AS M ON D.DEPT = M.DEPT_ID
  )
SELECT
  ID,
  DNAME AS NAME
FROM JNR_EMP_DEPT;
