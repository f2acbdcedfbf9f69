import Foundation
import Testing

/// The reviewed golden SQL of the fixtures (Tests/Fixtures/sql/<fixture>/<dialect>.sql) run as
/// written on hand-written rows, with the target rows worked out by hand from reference §2
/// (docs/golden-sql-review.md gives the reasoning per fixture).
///
/// HR.EMP (ID, NAME, DEPT, SAL): 1 ann 10 1500.00, 2 bob 20 800.00, 3 cy 20 2500.50,
/// 4 dee NULL 3000.00, 5 eve 30 NULL, 6 fay 20 NULL, 7 gus 40 -50.00, 8 hal 40 20.00,
/// 9 ivy 70 10.00. HR.DEPTS (DEPT_ID, DNAME): 10 ACCOUNTING, 20 RESEARCH, 30 SALES, 50 EMPTY
/// (no employee). So DEPT NULL (4) never matches, 40 and 70 have no department, 50 no employee.
enum SQLGoldenExecutionCases {
    /// One fixture: the target table's definition, its rows before the load, and after.
    struct Case: Sendable, CustomTestStringConvertible {
        var fixture: String
        /// `CREATE TABLE` text valid on SQLite and PostgreSQL.
        var target: String
        var table: String
        var columns: [String]
        var before: [String] = []
        var expected: [String]
        /// Whether the fixture's SQLite golden exists (the dialect lowers it).
        var onSQLite = true
        /// Leaves employee 4 (DEPT NULL) out of HR.EMP.
        var withoutNullDepartment = false
        var testDescription: String { fixture }
    }

    static let employees = [
        "1, 'ann', 10, 1500.00", "2, 'bob', 20, 800.00", "3, 'cy', 20, 2500.50", "4, 'dee', NULL, 3000.00",
        "5, 'eve', 30, NULL", "6, 'fay', 20, NULL", "7, 'gus', 40, -50.00", "8, 'hal', 40, 20.00",
        "9, 'ivy', 70, 10.00",
    ]
    static let departments = ["10, 'ACCOUNTING'", "20, 'RESEARCH'", "30, 'SALES'", "50, 'EMPTY'"]

    /// The source tables, in schema HR (an attached database on SQLite).
    static func sources(withoutNullDepartment: Bool) -> [String] {
        let rows = withoutNullDepartment ? employees.filter { !$0.hasPrefix("4,") } : employees
        return [
            "CREATE TABLE HR.EMP (ID NUMERIC(10,0) NOT NULL, NAME VARCHAR(20), DEPT NUMERIC(4,0), SAL NUMERIC(8,2))",
            "INSERT INTO HR.EMP VALUES " + rows.map { "(\($0))" }.joined(separator: ", "),
            "CREATE TABLE HR.DEPTS (DEPT_ID NUMERIC(4,0) NOT NULL, DNAME VARCHAR(30))",
            "INSERT INTO HR.DEPTS VALUES " + departments.map { "(\($0))" }.joined(separator: ", "),
        ]
    }

    /// Every employee copied unchanged (ID|NAME|DEPT|SAL, decimals without trailing zeros).
    static let allEmployees = [
        "1|ann|10|1500", "2|bob|20|800", "3|cy|20|2500.5", "4|dee|NULL|3000", "5|eve|30|NULL", "6|fay|20|NULL",
        "7|gus|40|-50", "8|hal|40|20", "9|ivy|70|10",
    ]
    static let wideTarget = "(ID NUMERIC(10,0), NAME VARCHAR(20), DEPT NUMERIC(4,0), SAL NUMERIC(8,2))"
    static let wideColumns = ["ID", "NAME", "DEPT", "SAL"]

    /// Inner matches of EMP.DEPT = DEPTS.DEPT_ID (ID|DNAME).
    static let matched = ["1|ACCOUNTING", "2|RESEARCH", "3|RESEARCH", "5|SALES", "6|RESEARCH"]
    /// Employees with no department (NULL key, 40, 70): master columns NULL.
    static let detailOnly = ["4|NULL", "7|NULL", "8|NULL", "9|NULL"]
    /// Department 50 with no employee: detail columns NULL.
    static let masterOnly = ["NULL|EMPTY"]

    static func copy(_ fixture: String, expected: [String] = allEmployees) -> Case {
        Case(
            fixture: fixture, target: "CREATE TABLE T_OUT \(wideTarget)", table: "T_OUT", columns: wideColumns,
            expected: expected)
    }

    static func join(_ fixture: String, _ expected: [String]) -> Case {
        Case(
            fixture: fixture, target: "CREATE TABLE T_OUT (ID NUMERIC(10,0), NAME VARCHAR(30))", table: "T_OUT",
            columns: ["ID", "NAME"], expected: expected)
    }

    static var all: [Case] {
        [
            // DEPT = 20 AND SAL > 1000: only 3; 2 earns 800, 6's NULL salary makes the condition NULL.
            copy("filter", expected: ["3|cy|20|2500.5"]),
            // The instance's condition DEPT = 30 overrides the reusable filter's DEPT = 10.
            copy("reusable_override", expected: ["5|eve|30|NULL"]),
            copy("shortcut_resolved"),
            // Commit-or-continue conditions change commit points, not the rows a load leaves.
            copy("transaction_control"),
            Case(
                fixture: "same_name_instances", target: "CREATE TABLE EMP \(wideTarget)", table: "EMP",
                columns: wideColumns, expected: allEmployees),
            join("joiner_normal", matched),
            join("joiner_master_outer", matched + detailOnly),
            join("joiner_detail_outer", matched + masterOnly),
            join("joiner_full_outer", matched + detailOnly + masterOnly),
            // UNION ALL of (ID, NAME) and (DEPT AS ID, NAME).
            join(
                "union",
                allEmployees.map { $0.split(separator: "|").prefix(2).joined(separator: "|") } + [
                    "10|ann", "20|bob", "20|cy", "NULL|dee", "30|eve", "20|fay", "40|gus", "40|hal", "70|ivy",
                ]),
            // Totals per department without employee 4: 10 → 1500 and 20 → 3300.50 (NULL ignored)
            // update; 30 → NULL and 40 → -30 are DD_REJECT, not forwarded (40 keeps 7); 70 → 10 is
            // an update of a missing key, inserted (Update else Insert); 60 is untouched.
            Case(
                fixture: "update_strategy_upsert",
                target: "CREATE TABLE T_DEPT_SAL (DEPT NUMERIC(4,0) NOT NULL PRIMARY KEY, TOTAL_SAL NUMERIC(10,2))",
                table: "T_DEPT_SAL", columns: ["DEPT", "TOTAL_SAL"],
                before: ["10, 1.00", "20, 5.00", "40, 7.00", "60, 9.00"],
                expected: ["10|1500", "20|3300.5", "40|7", "60|9", "70|10"], onSQLite: false,
                withoutNullDepartment: true),
        ]
    }

    static var onSQLite: [Case] { all.filter(\.onSQLite) }

    /// Tests/Fixtures.
    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fixtures")

    /// The golden script of `fixture` in `dialect`.
    static func golden(_ fixture: String, _ dialect: String) throws -> String {
        try String(contentsOf: fixtures.appendingPathComponent("sql/\(fixture)/\(dialect).sql"), encoding: .utf8)
    }

    /// The statements to create and fill the target of `c`.
    static func target(_ c: Case) -> [String] {
        [c.target]
            + (c.before.isEmpty
                ? [] : ["INSERT INTO \(c.table) VALUES " + c.before.map { "(\($0))" }.joined(separator: ", ")])
    }
}
