/// A relational operator: what a node computes. Options carry vendor behaviour explicitly.
public enum Operator: Hashable, Sendable {
    /// Reads a table or file.
    case source(SourceSpec)
    /// Queries one or more sources (select, join, filter, distinct, order).
    case sourceQuery(SourceQuerySpec)
    /// Computes ports row by row, with variables kept across rows.
    case project(ProjectSpec)
    /// Keeps rows whose condition is true.
    case filter(FilterSpec)
    /// Groups and aggregates.
    case aggregate(AggregateSpec)
    /// Joins two inputs.
    case join(JoinSpec)
    /// Looks rows up in another dataset.
    case lookup(LookupSpec)
    /// Routes rows to conditional groups.
    case route(RouteSpec)
    /// Sorts, optionally distinct.
    case sort(SortSpec)
    /// Keeps the top or bottom N per group.
    case rank(RankSpec)
    /// Concatenates inputs (UNION ALL).
    case union(UnionSpec)
    /// Turns repeated columns into rows.
    case unpivot(UnpivotSpec)
    /// Generates integers.
    case sequence(SequenceSpec)
    /// Sets the row kind (insert, update, delete, reject).
    case setRowKind(RowKindSpec)
    /// Sets transaction boundaries.
    case transactionControl(TransactionControlSpec)
    /// Where rows enter a sub-pipeline.
    case input(BoundarySpec)
    /// Where rows leave a sub-pipeline.
    case output(BoundarySpec)
    /// Writes a table or file.
    case target(TargetSpec)
    /// Not yet expressible exactly; configuration kept, diagnostic raised.
    case opaque(OpaqueSpec)

    /// The operator's canonical kind name, used as `kind:` in YAML.
    public var kindName: String {
        switch self {
        case .source: "source"
        case .sourceQuery: "source-query"
        case .project: "project"
        case .filter: "filter"
        case .aggregate: "aggregate"
        case .join: "join"
        case .lookup: "lookup"
        case .route: "route"
        case .sort: "sort"
        case .rank: "rank"
        case .union: "union"
        case .unpivot: "unpivot"
        case .sequence: "sequence"
        case .setRowKind: "set-row-kind"
        case .transactionControl: "transaction-control"
        case .input: "input"
        case .output: "output"
        case .target: "target"
        case .opaque: "opaque"
        }
    }

    /// All kind names, in canonical order.
    public static let kindNames = [
        "source", "source-query", "project", "filter", "aggregate", "join", "lookup", "route", "sort",
        "rank", "union", "unpivot", "sequence", "set-row-kind", "transaction-control", "input", "output",
        "target", "opaque",
    ]

    /// Whether rows can enter the node from upstream (sources and sequences have no inputs).
    public var consumesRows: Bool {
        switch self {
        case .source, .sequence, .input: false
        case .lookup(let spec): spec.connected
        default: true
        }
    }

    /// Whether the operator can change the number of rows (an "active" transformation).
    public var changesRowCount: Bool {
        switch self {
        case .project, .sequence, .input, .output, .transactionControl: false
        case .lookup(let spec): spec.multipleMatch == .all
        default: true
        }
    }
}

extension Operator {
    /// Encodes the options of the operator (without its kind) into `container` at `key`.
    func encodeOptions<K: CodingKey>(into container: inout KeyedEncodingContainer<K>, forKey key: K) throws {
        switch self {
        case .source(let s): try container.encode(s, forKey: key)
        case .sourceQuery(let s): try container.encode(s, forKey: key)
        case .project(let s): try container.encode(s, forKey: key)
        case .filter(let s): try container.encode(s, forKey: key)
        case .aggregate(let s): try container.encode(s, forKey: key)
        case .join(let s): try container.encode(s, forKey: key)
        case .lookup(let s): try container.encode(s, forKey: key)
        case .route(let s): try container.encode(s, forKey: key)
        case .sort(let s): try container.encode(s, forKey: key)
        case .rank(let s): try container.encode(s, forKey: key)
        case .union(let s): try container.encode(s, forKey: key)
        case .unpivot(let s): try container.encode(s, forKey: key)
        case .sequence(let s): try container.encode(s, forKey: key)
        case .setRowKind(let s): try container.encode(s, forKey: key)
        case .transactionControl(let s): try container.encode(s, forKey: key)
        case .input(let s): try container.encode(s, forKey: key)
        case .output(let s): try container.encode(s, forKey: key)
        case .target(let s): try container.encode(s, forKey: key)
        case .opaque(let s): try container.encode(s, forKey: key)
        }
    }

    /// Decodes the options for the operator of kind `kind` from `container` at `key`.
    static func decode<K: CodingKey>(
        kind: String, from container: KeyedDecodingContainer<K>, forKey key: K, kindKey: K
    ) throws -> Operator {
        func options<T: Decodable>(_ type: T.Type) throws -> T { try container.decode(type, forKey: key) }
        switch kind {
        case "source": return .source(try options(SourceSpec.self))
        case "source-query": return .sourceQuery(try options(SourceQuerySpec.self))
        case "project": return .project(try options(ProjectSpec.self))
        case "filter": return .filter(try options(FilterSpec.self))
        case "aggregate": return .aggregate(try options(AggregateSpec.self))
        case "join": return .join(try options(JoinSpec.self))
        case "lookup": return .lookup(try options(LookupSpec.self))
        case "route": return .route(try options(RouteSpec.self))
        case "sort": return .sort(try options(SortSpec.self))
        case "rank": return .rank(try options(RankSpec.self))
        case "union": return .union(try options(UnionSpec.self))
        case "unpivot": return .unpivot(try options(UnpivotSpec.self))
        case "sequence": return .sequence(try options(SequenceSpec.self))
        case "set-row-kind": return .setRowKind(try options(RowKindSpec.self))
        case "transaction-control": return .transactionControl(try options(TransactionControlSpec.self))
        case "input": return .input(try options(BoundarySpec.self))
        case "output": return .output(try options(BoundarySpec.self))
        case "target": return .target(try options(TargetSpec.self))
        case "opaque": return .opaque(try options(OpaqueSpec.self))
        default:
            throw DecodingError.dataCorruptedError(
                forKey: kindKey, in: container,
                debugDescription: "'\(kind)' is not a node kind (one of \(kindNames.joined(separator: ", ")))")
        }
    }
}
