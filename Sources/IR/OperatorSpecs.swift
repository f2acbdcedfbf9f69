// The options of each relational operator. Vendor behaviour is spelled out as explicit options
// (`nullKeysMatch`, `ungroupedValue`), never hidden in an operator's name.

/// The layout of a delimited or fixed-width file.
public struct FlatFileFormat: Hashable, Sendable, Codable {
    /// Delimited (true) or fixed width (false).
    public var delimited: Bool
    /// The field delimiter characters, as exported (`,`, or `\t` for tab).
    public var delimiters: String?
    /// The quote character: `double`, `single` or `none`.
    public var quote: String?
    /// The escape character, if any.
    public var escape: String?
    /// Header rows to skip when reading.
    public var skipRows: Int
    /// The code page of the file (`MS1252`, `UTF-8`).
    public var codePage: String?
    /// Further layout settings, verbatim.
    public var attributes: [Attribute]

    /// Creates a format.
    public init(
        delimited: Bool, delimiters: String? = nil, quote: String? = nil, escape: String? = nil,
        skipRows: Int = 0, codePage: String? = nil, attributes: [Attribute] = []
    ) {
        self.delimited = delimited
        self.delimiters = delimiters
        self.quote = quote
        self.escape = escape
        self.skipRows = skipRows
        self.codePage = codePage
        self.attributes = attributes
    }

    private enum CodingKeys: String, CodingKey {
        case delimited, delimiters, quote, escape, skipRows = "skip_rows", codePage = "code_page", attributes
    }
}

/// A dataset read from a table or file. Output ports are its columns.
public struct SourceSpec: Hashable, Sendable, Codable {
    /// The table or file definition name.
    public var table: String
    /// The schema (owner) name.
    public var schema: String?
    /// The kind of store (`Oracle`, `Flat File`, `Microsoft SQL Server`, ...).
    public var database: String?
    /// The definition's grouping in the legacy repository (PowerCenter DBDNAME).
    public var catalog: String?
    /// The file layout for flat-file sources.
    public var flatFile: FlatFileFormat?

    /// Creates a source spec.
    public init(
        table: String, schema: String? = nil, database: String? = nil, catalog: String? = nil,
        flatFile: FlatFileFormat? = nil
    ) {
        self.table = table
        self.schema = schema
        self.database = database
        self.catalog = catalog
        self.flatFile = flatFile
    }

    private enum CodingKeys: String, CodingKey {
        case table, schema, database, catalog, flatFile = "flat_file"
    }
}

/// The query that reads one or more sources (a PowerCenter Source Qualifier).
///
/// Without `sqlOverride` the query is `SELECT [DISTINCT] <connected ports> FROM <sources> WHERE
/// <join> AND <filter> ORDER BY <first sortedPorts ports>`. With an override, its select list maps
/// to the connected output ports by position, and join, filter, sortedPorts and distinct are ignored.
public struct SourceQuerySpec: Hashable, Sendable, Codable {
    /// Node ids of the sources read.
    public var sources: [String]
    /// A whole replacement SELECT statement.
    public var sqlOverride: String?
    /// A join predicate placed in WHERE (may use `{... OUTER JOIN ...}` syntax).
    public var join: String?
    /// A filter predicate placed in WHERE.
    public var filter: String?
    /// ORDER BY the first N output ports, ascending.
    public var sortedPorts: Int
    /// SELECT DISTINCT.
    public var distinct: Bool
    /// SQL run on the source connection before reading.
    public var preSQL: String?
    /// SQL run on the source connection after the session.
    public var postSQL: String?

    /// Creates a source query spec.
    public init(
        sources: [String], sqlOverride: String? = nil, join: String? = nil, filter: String? = nil,
        sortedPorts: Int = 0, distinct: Bool = false, preSQL: String? = nil, postSQL: String? = nil
    ) {
        self.sources = sources
        self.sqlOverride = sqlOverride
        self.join = join
        self.filter = filter
        self.sortedPorts = sortedPorts
        self.distinct = distinct
        self.preSQL = preSQL
        self.postSQL = postSQL
    }

    private enum CodingKeys: String, CodingKey {
        case sources, sqlOverride = "sql_override", join, filter, sortedPorts = "sorted_ports", distinct
        case preSQL = "pre_sql", postSQL = "post_sql"
    }
}

/// A row-by-row projection: input ports, then variable ports top to bottom (keeping their values
/// across rows), then output ports. Variable ports start at 0, '' or 0001-01-01, not NULL.
public struct ProjectSpec: Hashable, Sendable, Codable {
    /// Creates a projection spec; the ports say everything.
    public init() {}
}

/// Keeps the rows whose condition is true; false and NULL drop the row.
public struct FilterSpec: Hashable, Sendable, Codable {
    /// The row condition.
    public var condition: ScalarExpression

    /// Creates a filter spec.
    public init(condition: ScalarExpression) { self.condition = condition }
}

/// What an aggregate's port that is neither grouped nor aggregated outputs.
public enum UngroupedValue: String, Hashable, Sendable, Codable {
    /// The value from the last row of the group, in processing order (PowerCenter).
    case lastRow = "last-row"
    /// Any row's value (engines that do not define it).
    case anyRow = "any-row"
}

/// Groups rows and computes aggregates. Output ports with aggregate expressions are aggregates.
public struct AggregateSpec: Hashable, Sendable, Codable {
    /// The grouping ports, in order. NULL keys form one group.
    public var groupBy: [String]
    /// Whether input arrives sorted on the grouping ports (groups are emitted on key change).
    public var sortedInput: Bool
    /// What ungrouped, unaggregated ports output.
    public var ungroupedValue: UngroupedValue
    /// Whether an input with no rows and no grouping ports yields no row (true) or one row (SQL).
    public var emptyInputYieldsNoRow: Bool
    /// `all-input` or `transaction`: the span over which groups are formed.
    public var scope: String?

    /// Creates an aggregate spec.
    public init(
        groupBy: [String], sortedInput: Bool = false, ungroupedValue: UngroupedValue = .lastRow,
        emptyInputYieldsNoRow: Bool = true, scope: String? = nil
    ) {
        self.groupBy = groupBy
        self.sortedInput = sortedInput
        self.ungroupedValue = ungroupedValue
        self.emptyInputYieldsNoRow = emptyInputYieldsNoRow
        self.scope = scope
    }

    private enum CodingKeys: String, CodingKey {
        case groupBy = "group_by", sortedInput = "sorted_input", ungroupedValue = "ungrouped_value"
        case emptyInputYieldsNoRow = "empty_input_yields_no_row", scope
    }
}

/// Which unmatched rows a join keeps. `left` is the streamed input, `right` the cached one.
public enum JoinKind: String, Hashable, Sendable, Codable {
    /// Matching pairs only.
    case inner
    /// All left rows (PowerCenter "Master Outer": all detail rows).
    case leftOuter = "left-outer"
    /// All right rows (PowerCenter "Detail Outer": all master rows).
    case rightOuter = "right-outer"
    /// All rows of both sides.
    case fullOuter = "full-outer"
}

/// Joins two inputs. Ports in group `left` come from the streamed input (PowerCenter detail),
/// ports in group `right` from the cached input (PowerCenter master).
public struct JoinSpec: Hashable, Sendable, Codable {
    /// Which unmatched rows are kept.
    public var kind: JoinKind
    /// The join predicate (conjunction of equalities for PowerCenter).
    public var condition: ScalarExpression
    /// Whether NULL keys match each other (false in a PowerCenter Joiner).
    public var nullKeysMatch: Bool
    /// Whether string keys compare case-sensitively.
    public var caseSensitive: Bool
    /// Whether both inputs arrive sorted on the keys.
    public var sortedInput: Bool

    /// Creates a join spec.
    public init(
        kind: JoinKind, condition: ScalarExpression, nullKeysMatch: Bool = false,
        caseSensitive: Bool = true, sortedInput: Bool = false
    ) {
        self.kind = kind
        self.condition = condition
        self.nullKeysMatch = nullKeysMatch
        self.caseSensitive = caseSensitive
        self.sortedInput = sortedInput
    }

    private enum CodingKeys: String, CodingKey {
        case kind, condition, nullKeysMatch = "null_keys_match", caseSensitive = "case_sensitive"
        case sortedInput = "sorted_input"
    }
}

/// Which row a lookup returns when several match.
public enum MultipleMatchPolicy: String, Hashable, Sendable, Codable {
    /// The first in key order.
    case first
    /// The last in key order.
    case last
    /// Any one (the first read).
    case any
    /// A row error.
    case error
    /// Every match: the lookup becomes row-multiplying.
    case all
}

/// Looks rows up in another dataset by a condition. Ports with role `lookup` are the looked-up
/// columns; `input` ports feed the condition; a `return` port is the result when the lookup is
/// called as a function (`connected` false).
public struct LookupSpec: Hashable, Sendable, Codable {
    /// Whether the lookup is wired into the data flow (false: called from expressions).
    public var connected: Bool
    /// The looked-up table or file.
    public var table: String?
    /// A replacement query for the looked-up data; its columns match ports by name.
    public var sqlOverride: String?
    /// A predicate restricting the looked-up rows.
    public var filter: String?
    /// The match condition (`lookup_port op input_port AND ...`).
    public var condition: ScalarExpression?
    /// What happens on several matches.
    public var multipleMatch: MultipleMatchPolicy
    /// Whether the looked-up data is cached once (true) or queried per row.
    public var cached: Bool
    /// Whether the cache is updated as rows pass.
    public var dynamic: Bool
    /// Whether the cache persists across runs.
    public var persistent: Bool
    /// Whether NULL matches NULL in the condition (true for cached PowerCenter lookups).
    public var nullKeysMatch: Bool
    /// Whether string comparison is case-sensitive.
    public var caseSensitive: Bool
    /// The logical connection the data is read through (`$Source`, a connection name, ...).
    public var connection: String?
    /// `database` or `flat-file`.
    public var sourceType: String?

    /// Creates a lookup spec.
    public init(
        connected: Bool, table: String? = nil, sqlOverride: String? = nil, filter: String? = nil,
        condition: ScalarExpression? = nil, multipleMatch: MultipleMatchPolicy = .first,
        cached: Bool = true, dynamic: Bool = false, persistent: Bool = false,
        nullKeysMatch: Bool = true, caseSensitive: Bool = true, connection: String? = nil,
        sourceType: String? = nil
    ) {
        self.connected = connected
        self.table = table
        self.sqlOverride = sqlOverride
        self.filter = filter
        self.condition = condition
        self.multipleMatch = multipleMatch
        self.cached = cached
        self.dynamic = dynamic
        self.persistent = persistent
        self.nullKeysMatch = nullKeysMatch
        self.caseSensitive = caseSensitive
        self.connection = connection
        self.sourceType = sourceType
    }

    private enum CodingKeys: String, CodingKey {
        case connected, table, sqlOverride = "sql_override", filter, condition
        case multipleMatch = "multiple_match", cached, dynamic, persistent
        case nullKeysMatch = "null_keys_match", caseSensitive = "case_sensitive", connection
        case sourceType = "source_type"
    }
}

/// One output group of a router.
public struct RouteGroup: Hashable, Sendable, Codable {
    /// The group's name; its output ports carry it as `group`.
    public var name: String
    /// The condition (nil for the default group).
    public var condition: ScalarExpression?

    /// Creates a route group.
    public init(name: String, condition: ScalarExpression?) {
        self.name = name
        self.condition = condition
    }
}

/// Sends each row to every group whose condition is true (NULL counts as false), and to the
/// default group when none is.
public struct RouteSpec: Hashable, Sendable, Codable {
    /// The input group's name.
    public var inputGroup: String
    /// The conditional groups, in order.
    public var groups: [RouteGroup]
    /// The default group's name, if it exists.
    public var defaultGroup: String?

    /// Creates a route spec.
    public init(inputGroup: String, groups: [RouteGroup], defaultGroup: String?) {
        self.inputGroup = inputGroup
        self.groups = groups
        self.defaultGroup = defaultGroup
    }

    private enum CodingKeys: String, CodingKey {
        case inputGroup = "input_group", groups, defaultGroup = "default_group"
    }
}

/// One sort key.
public struct SortKey: Hashable, Sendable, Codable {
    /// The port sorted on.
    public var port: String
    /// Descending instead of ascending.
    public var descending: Bool

    /// Creates a sort key.
    public init(port: String, descending: Bool) {
        self.port = port
        self.descending = descending
    }
}

/// Where NULLs sort.
public enum NullOrder: String, Hashable, Sendable, Codable {
    /// NULL is greater than every value (last ascending, first descending).
    case high
    /// NULL is less than every value.
    case low
}

/// Sorts rows, optionally removing duplicates over all ports.
public struct SortSpec: Hashable, Sendable, Codable {
    /// The keys, most significant first.
    public var keys: [SortKey]
    /// Remove duplicate rows (compared on all ports).
    public var distinct: Bool
    /// Case-sensitive string ordering (uppercase before lowercase).
    public var caseSensitive: Bool
    /// Where NULLs sort.
    public var nulls: NullOrder

    /// Creates a sort spec.
    public init(keys: [SortKey], distinct: Bool = false, caseSensitive: Bool = true, nulls: NullOrder = .high) {
        self.keys = keys
        self.distinct = distinct
        self.caseSensitive = caseSensitive
        self.nulls = nulls
    }

    private enum CodingKeys: String, CodingKey {
        case keys, distinct, caseSensitive = "case_sensitive", nulls
    }
}

/// Keeps the top or bottom N rows per group by one port, numbering them with SQL RANK()
/// semantics (ties share an index, the next index is skipped).
public struct RankSpec: Hashable, Sendable, Codable {
    /// `top` (largest first) or `bottom`.
    public var top: Bool
    /// How many ranks to keep.
    public var count: Int
    /// The port ranked on.
    public var rankBy: String
    /// The grouping ports.
    public var groupBy: [String]
    /// The output port receiving the rank index, if any.
    public var indexPort: String?
    /// Case-sensitive string comparison.
    public var caseSensitive: Bool

    /// Creates a rank spec.
    public init(
        top: Bool, count: Int, rankBy: String, groupBy: [String], indexPort: String?, caseSensitive: Bool = true
    ) {
        self.top = top
        self.count = count
        self.rankBy = rankBy
        self.groupBy = groupBy
        self.indexPort = indexPort
        self.caseSensitive = caseSensitive
    }

    private enum CodingKeys: String, CodingKey {
        case top, count, rankBy = "rank_by", groupBy = "group_by", indexPort = "index_port"
        case caseSensitive = "case_sensitive"
    }
}

/// Which input port feeds which output port (union field dependencies).
public struct PortMapping: Hashable, Sendable, Codable {
    /// The input port.
    public var input: String
    /// The output port.
    public var output: String

    /// Creates a mapping.
    public init(input: String, output: String) {
        self.input = input
        self.output = output
    }
}

/// Concatenates the rows of several input groups without removing duplicates (UNION ALL).
public struct UnionSpec: Hashable, Sendable, Codable {
    /// The input groups, in order.
    public var inputGroups: [String]
    /// Which input port feeds which output port.
    public var mappings: [PortMapping]

    /// Creates a union spec.
    public init(inputGroups: [String], mappings: [PortMapping]) {
        self.inputGroups = inputGroups
        self.mappings = mappings
    }

    private enum CodingKeys: String, CodingKey {
        case inputGroups = "input_groups", mappings
    }
}

/// A repeated column turned into rows.
public struct UnpivotColumn: Hashable, Sendable, Codable {
    /// The output port.
    public var output: String
    /// How many occurrences each input row holds.
    public var occurs: Int
    /// The input ports holding occurrences 1...occurs, in order.
    public var inputs: [String]

    /// Creates an unpivot column.
    public init(output: String, occurs: Int, inputs: [String]) {
        self.output = output
        self.occurs = occurs
        self.inputs = inputs
    }
}

/// Turns each input row with repeated columns into one row per occurrence (PowerCenter
/// Normalizer), with a generated key per input row and an occurrence index per output row.
public struct UnpivotSpec: Hashable, Sendable, Codable {
    /// The repeated columns.
    public var columns: [UnpivotColumn]
    /// The port receiving the generated key (one value per input row), if any.
    public var keyPort: String?
    /// The ports receiving the occurrence index (1...occurs), if any.
    public var indexPorts: [String]

    /// Creates an unpivot spec.
    public init(columns: [UnpivotColumn], keyPort: String?, indexPorts: [String]) {
        self.columns = columns
        self.keyPort = keyPort
        self.indexPorts = indexPorts
    }

    private enum CodingKeys: String, CodingKey {
        case columns, keyPort = "key_port", indexPorts = "index_ports"
    }
}

/// Generates a sequence of integers (ports NEXTVAL and CURRVAL).
public struct SequenceSpec: Hashable, Sendable, Codable {
    /// The value returned to when cycling.
    public var start: Int
    /// The step.
    public var increment: Int
    /// The largest value.
    public var end: Int
    /// The first value the next run generates.
    public var current: Int
    /// Wrap to `start` after `end` (otherwise the run fails).
    public var cycle: Bool
    /// Values reserved per block (gaps appear when > 0).
    public var cachedValues: Int
    /// Restore `current` after every run.
    public var reset: Bool

    /// Creates a sequence spec.
    public init(
        start: Int = 0, increment: Int = 1, end: Int = Int.max, current: Int = 1, cycle: Bool = false,
        cachedValues: Int = 0, reset: Bool = false
    ) {
        self.start = start
        self.increment = increment
        self.end = end
        self.current = current
        self.cycle = cycle
        self.cachedValues = cachedValues
        self.reset = reset
    }

    private enum CodingKeys: String, CodingKey {
        case start, increment, end, current, cycle, cachedValues = "cached_values", reset
    }
}

/// Sets each row's kind (0 insert, 1 update, 2 delete, 3 reject) from an expression. The kind is
/// honoured only when the run treats source rows as data driven.
public struct RowKindSpec: Hashable, Sendable, Codable {
    /// The expression yielding the row kind.
    public var expression: ScalarExpression
    /// Pass rejected rows on to the target's reject output (true) or drop them.
    public var forwardRejected: Bool

    /// Creates a row-kind spec.
    public init(expression: ScalarExpression, forwardRejected: Bool = true) {
        self.expression = expression
        self.forwardRejected = forwardRejected
    }

    private enum CodingKeys: String, CodingKey {
        case expression, forwardRejected = "forward_rejected"
    }
}

/// Commits or rolls back the downstream targets' transaction per row
/// (0 continue, 1 commit before, 2 commit after, 3 rollback before, 4 rollback after).
public struct TransactionControlSpec: Hashable, Sendable, Codable {
    /// The expression yielding the action.
    public var condition: ScalarExpression

    /// Creates a transaction-control spec.
    public init(condition: ScalarExpression) { self.condition = condition }
}

/// A dataset written by the pipeline. Input ports are its columns; key ports drive updates and deletes.
public struct TargetSpec: Hashable, Sendable, Codable {
    /// The table or file definition name.
    public var table: String
    /// The schema (owner) name.
    public var schema: String?
    /// The kind of store.
    public var database: String?
    /// The file layout for flat-file targets.
    public var flatFile: FlatFileFormat?

    /// Creates a target spec.
    public init(table: String, schema: String? = nil, database: String? = nil, flatFile: FlatFileFormat? = nil) {
        self.table = table
        self.schema = schema
        self.database = database
        self.flatFile = flatFile
    }

    private enum CodingKeys: String, CodingKey {
        case table, schema, database, flatFile = "flat_file"
    }
}

/// The boundary of a reusable sub-pipeline (a mapplet converted on its own): rows enter at an
/// input node and leave at output nodes.
public struct BoundarySpec: Hashable, Sendable, Codable {
    /// The boundary's name.
    public var name: String

    /// Creates a boundary spec.
    public init(name: String) { self.name = name }
}

/// A construct the IR cannot yet express exactly. It keeps the whole configuration (ports and
/// attributes) and always comes with a diagnostic; it is never a silent pass-through.
public struct OpaqueSpec: Hashable, Sendable, Codable {
    /// The vendor's type name (`Stored Procedure`, `Java Transformation`, ...).
    public var vendorType: String
    /// Why it is opaque.
    public var reason: String

    /// Creates an opaque spec.
    public init(vendorType: String, reason: String) {
        self.vendorType = vendorType
        self.reason = reason
    }

    private enum CodingKeys: String, CodingKey {
        case vendorType = "vendor_type", reason
    }
}
