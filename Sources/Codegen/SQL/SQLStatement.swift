/// A query: a `SELECT`, or a set operation over queries.
public indirect enum SQLQuery: Hashable, Sendable {
    /// One `SELECT`.
    case select(SQLSelect)
    /// `UNION [ALL]` of two or more queries, in order.
    case union(all: Bool, [SQLQuery])
}

/// A `SELECT` with its clauses, in clause order.
public struct SQLSelect: Hashable, Sendable {
    /// Common table expressions (`WITH name AS (…)`), in dependency order.
    public var with: [SQLCommonTable]
    /// `SELECT DISTINCT`.
    public var distinct: Bool
    /// The select list.
    public var items: [SQLSelectItem]
    /// The `FROM` clause, if any.
    public var from: SQLFromItem?
    /// The `WHERE` condition.
    public var filter: SQLExpression?
    /// `GROUP BY` expressions.
    public var groupBy: [SQLExpression]
    /// The `HAVING` condition.
    public var having: SQLExpression?
    /// `ORDER BY` items.
    public var orderBy: [SQLOrdering]
    /// At most this many rows (printed in the dialect's own syntax).
    public var limit: Int?

    /// Creates a select; every clause but the select list is optional.
    public init(
        with: [SQLCommonTable] = [], distinct: Bool = false, items: [SQLSelectItem], from: SQLFromItem? = nil,
        filter: SQLExpression? = nil, groupBy: [SQLExpression] = [], having: SQLExpression? = nil,
        orderBy: [SQLOrdering] = [], limit: Int? = nil
    ) {
        self.with = with
        self.distinct = distinct
        self.items = items
        self.from = from
        self.filter = filter
        self.groupBy = groupBy
        self.having = having
        self.orderBy = orderBy
        self.limit = limit
    }
}

/// One item of a select list: an expression and its alias.
public struct SQLSelectItem: Hashable, Sendable {
    /// The value.
    public var expression: SQLExpression
    /// The output column name, if it differs from the expression's own.
    public var alias: String?

    /// Creates a select item.
    public init(_ expression: SQLExpression, as alias: String? = nil) {
        self.expression = expression
        self.alias = alias
    }
}

/// `name AS (query)` in a `WITH` clause.
public struct SQLCommonTable: Hashable, Sendable {
    /// The CTE's name (generated code names it after the transformation it computes).
    public var name: String
    /// The query.
    public var query: SQLQuery

    /// Creates a common table expression.
    public init(_ name: String, _ query: SQLQuery) {
        self.name = name
        self.query = query
    }
}

/// A table name, optionally qualified by a schema.
public struct SQLTableName: Hashable, Sendable {
    /// The schema (owner), if any.
    public var schema: String?
    /// The table.
    public var name: String

    /// Creates a table name.
    public init(schema: String? = nil, _ name: String) {
        self.schema = schema
        self.name = name
    }
}

/// An item of a `FROM` clause.
public indirect enum SQLFromItem: Hashable, Sendable {
    /// A table or CTE, with an optional alias.
    case table(SQLTableName, alias: String?)
    /// A derived table (always aliased).
    case subquery(SQLQuery, alias: String)
    /// A join of two items.
    case join(SQLFromItem, SQLJoinKind, SQLFromItem, on: SQLExpression?)
    /// A derived table whose query was written by the mapping's author in the source database's
    /// own SQL (a source qualifier's or a lookup's SQL override), with its `$$` parameters already
    /// substituted. Trusted text from the export, not translated: the lowering emits it only when
    /// the dialect is that database's. Printed as-is between parentheses, as `alias`; non-empty
    /// `columns` name its columns by position (``SQLPrinter`` writes the dialect's form).
    case verbatim(String, alias: String, columns: [String])
}

/// Join kinds.
public enum SQLJoinKind: String, Hashable, Sendable {
    case inner = "INNER JOIN"
    case left = "LEFT OUTER JOIN"
    case right = "RIGHT OUTER JOIN"
    case full = "FULL OUTER JOIN"
    case cross = "CROSS JOIN"
    /// `a, b`: the product of the two items, as PowerCenter's generated source query lists its
    /// sources (which keeps Oracle's `(+)` outer joins in the WHERE valid; `CROSS JOIN` would not).
    case comma = ","
}

/// A column of a `CREATE TABLE`.
public struct SQLColumnDefinition: Hashable, Sendable {
    /// The column name.
    public var name: String
    /// Its type.
    public var type: SQLType
    /// Whether NULL is allowed.
    public var nullable: Bool

    /// Creates a column definition.
    public init(_ name: String, _ type: SQLType, nullable: Bool = true) {
        self.name = name
        self.type = type
        self.nullable = nullable
    }
}

/// A `SET column = value` assignment.
public struct SQLAssignment: Hashable, Sendable {
    /// The target column.
    public var column: String
    /// The new value.
    public var value: SQLExpression

    /// Creates an assignment.
    public init(_ column: String, _ value: SQLExpression) {
        self.column = column
        self.value = value
    }
}

/// A statement.
public enum SQLStatement: Hashable, Sendable {
    /// A query.
    case query(SQLQuery)
    /// `INSERT INTO table (columns) query`.
    case insert(SQLTableName, columns: [String], SQLQuery)
    /// `UPDATE table SET … WHERE …`.
    case update(SQLTableName, set: [SQLAssignment], filter: SQLExpression?)
    /// `DELETE FROM table WHERE …`.
    case delete(SQLTableName, filter: SQLExpression?)
    /// `MERGE INTO target USING (source) AS alias ON … WHEN MATCHED THEN UPDATE … WHEN NOT MATCHED THEN INSERT …`.
    case merge(SQLMerge)
    /// Removes every row (`TRUNCATE TABLE`, or `DELETE FROM` where the dialect has no truncate).
    case truncate(SQLTableName)
    /// `CREATE TABLE`.
    case createTable(SQLTableName, [SQLColumnDefinition])
    /// `INSERT INTO table (columns) query ON CONFLICT (keys) DO UPDATE SET …` (an upsert).
    case insertOnConflict(SQLInsertOnConflict)
    /// `UPDATE table SET … FROM source WHERE …`, in the dialect's form of a joined update.
    case updateFrom(SQLUpdateFrom)
    /// Starts a transaction (`BEGIN TRANSACTION`, Teradata `BT`).
    case beginTransaction
    /// Commits it (`COMMIT`, Teradata `ET`).
    case commitTransaction
    /// SQL written by the mapping's author for the target's own database (a session's Pre SQL or
    /// Post SQL), printed as it is: PowerCenter sends it to that database unchanged.
    case verbatim(String)
}

/// The parts of `INSERT … ON CONFLICT (keys) DO UPDATE SET column = excluded.column`.
public struct SQLInsertOnConflict: Hashable, Sendable {
    /// The target table.
    public var table: SQLTableName
    /// The columns inserted.
    public var columns: [String]
    /// The rows inserted (its last `SELECT` has a `WHERE`, which SQLite needs to parse `ON CONFLICT`).
    public var query: SQLQuery
    /// The conflict target: the key columns (a unique index must cover them).
    public var keys: [String]
    /// Assignments on conflict; a value may read the proposed row as `excluded.column`.
    public var update: [SQLAssignment]

    /// Creates an insert with a conflict clause.
    public init(table: SQLTableName, columns: [String], query: SQLQuery, keys: [String], update: [SQLAssignment]) {
        self.table = table
        self.columns = columns
        self.query = query
        self.keys = keys
        self.update = update
    }
}

/// The parts of an update that reads its new values from a source query joined on a condition.
public struct SQLUpdateFrom: Hashable, Sendable {
    /// The table updated (referred to by its unqualified name in `set` and `on`).
    public var table: SQLTableName
    /// The assignments; values read the source through `sourceAlias`.
    public var set: [SQLAssignment]
    /// The source rows.
    public var source: SQLQuery
    /// The source's alias.
    public var sourceAlias: String
    /// The join condition between the table and the source.
    public var on: SQLExpression

    /// Creates an update from a source.
    public init(table: SQLTableName, set: [SQLAssignment], source: SQLQuery, sourceAlias: String, on: SQLExpression) {
        self.table = table
        self.set = set
        self.source = source
        self.sourceAlias = sourceAlias
        self.on = on
    }
}

/// The parts of a `MERGE` statement.
public struct SQLMerge: Hashable, Sendable {
    /// The target table.
    public var target: SQLTableName
    /// The target's alias in the statement.
    public var targetAlias: String
    /// The source rows.
    public var source: SQLQuery
    /// The source's alias.
    public var sourceAlias: String
    /// The match condition (the target's keys).
    public var on: SQLExpression
    /// Assignments when a target row matches (none: matched rows are left alone).
    public var update: [SQLAssignment]
    /// Columns and values to insert when no target row matches (none: no insert branch).
    public var insert: [SQLAssignment]

    /// Creates a merge.
    public init(
        target: SQLTableName, targetAlias: String, source: SQLQuery, sourceAlias: String, on: SQLExpression,
        update: [SQLAssignment], insert: [SQLAssignment]
    ) {
        self.target = target
        self.targetAlias = targetAlias
        self.source = source
        self.sourceAlias = sourceAlias
        self.on = on
        self.update = update
        self.insert = insert
    }
}
