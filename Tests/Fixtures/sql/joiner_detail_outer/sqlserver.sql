-- mapping m_joiner_detail_outer, target T_OUT (sqlserver)
INSERT INTO T_OUT (ID, NAME)
SELECT
  ID,
  DNAME AS NAME
FROM (
  SELECT
    D.ID,
    D.DEPT,
    M.DEPT_ID,
    M.DNAME
  FROM (
    SELECT
      ID,
      NAME,
      DEPT,
      SAL
    FROM HR.EMP
  ) AS D
  RIGHT OUTER JOIN (
    SELECT
      DEPT_ID,
      DNAME
    FROM HR.DEPTS
  ) AS M ON D.DEPT = M.DEPT_ID
) AS JNR_EMP_DEPT;
