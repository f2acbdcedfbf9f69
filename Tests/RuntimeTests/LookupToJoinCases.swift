import Foundation
import IR
import Runtime
import Testing

/// Mappings for the `lookup-to-join` pass: source `L_IN (ID, K)` → Lookup `LKP` on table `LKT
/// (K, V, W)` with condition `K = IN_K` → target `T_L (ID, V, W)`, with the rows worked out by
/// hand from reference §2.5/§2.6.
enum LookupToJoinCases {
    /// Input (ID, K): (1, 1), (2, 2), (3, NULL), (4, 9).
    static let input = SQLPipelineCases.Table(
        name: "L_IN", columns: ["ID:i", "K:i"], rows: [["1", "1"], ["2", "2"], ["3", "NULL"], ["4", "9"]])

    /// LKT (K, V, W): (1, b, 2), (1, a, 5), (1, NULL, 1), (2, c, NULL), (NULL, n, 0).
    static let table = SQLPipelineCases.Table(
        name: "LKT", columns: ["K:i", "V:s10", "W:i"],
        rows: [["1", "b", "2"], ["1", "a", "5"], ["1", "NULL", "1"], ["2", "c", "NULL"], ["NULL", "n", "0"]])

    /// The lookup mapping with `attributes` on top of an uncached "Use All Values" lookup on LKT
    /// through `$Source`; `key` is the source's K column (`K*:i` makes it the primary key).
    static func export(_ attributes: [(String, String)] = [], key: String = "K:i") -> ExportBuilder {
        var export = ExportBuilder()
        export.source("L_IN", ["ID:i", key])
        var settings: [String: String] = [
            "Lookup table name": "LKT", "Lookup caching enabled": "NO",
            "Lookup policy on multiple match": "Use All Values", "Lookup condition": "K = IN_K",
            "Connection Information": "$Source", "Source Type": "Database",
        ]
        for (name, value) in attributes { settings[name] = value }
        export.transformation(
            "LKP", type: "Lookup Procedure",
            ports: [
                ExportBuilder.port("ID:i"), ExportBuilder.port("IN_K:i", "INPUT"),
                ExportBuilder.port("K:i", "LOOKUP/OUTPUT"), ExportBuilder.port("V:s10", "LOOKUP/OUTPUT"),
                ExportBuilder.port("W:i", "LOOKUP/OUTPUT"),
            ],
            attributes: settings.keys.sorted().map { ($0, settings[$0] ?? "") })
        export.target("T_L", ["ID:i", "V:s10", "W:i"])
        export.connect("SQ_L_IN", "LKP", ["ID", "K>IN_K"])
        export.connect("LKP", "T_L", ["ID", "V", "W"])
        return export
    }

    /// A case of ``SQLPipelineCases`` for `export` on ``input`` and ``table``.
    static func sqlCase(
        _ name: String, _ export: ExportBuilder, input: SQLPipelineCases.Table = input, _ rows: [String]
    )
        -> SQLPipelineCases.Case
    {
        SQLPipelineCases.Case(
            name: name, export: export, tables: [input, table], expected: ["T_L": rows.sorted()],
            columns: ["T_L": ["ID", "V", "W"]])
    }

    /// Uncached: K = 1 finds its three rows (several matches), 2 one row (a match), NULL nothing (an
    /// uncached lookup queries `K = ?`, where NULL never matches), 9 nothing (a miss).
    static var uncached: SQLPipelineCases.Case {
        sqlCase(
            "uncached Use All Values", export(),
            ["1|b|2", "1|a|5", "1|NULL|1", "2|c|NULL", "3|NULL|NULL", "4|NULL|NULL"])
    }

    /// Cached, K the source's primary key (so never NULL): (1, 1), (2, 2), (4, 9), (5, 3). The table's
    /// NULL key row (NULL, n, 0) can then match nothing; 1 finds three rows, 2 one, 9 and 3 none.
    static var cachedKeyNeverNull: SQLPipelineCases.Case {
        let keyed = SQLPipelineCases.Table(
            name: "L_IN", columns: ["ID:i", "K*:i"], rows: [["1", "1"], ["2", "2"], ["4", "9"], ["5", "3"]])
        return sqlCase(
            "cached Use All Values, input key never NULL", export([("Lookup caching enabled", "YES")], key: "K*:i"),
            input: keyed, ["1|b|2", "1|a|5", "1|NULL|1", "2|c|NULL", "4|NULL|NULL", "5|NULL|NULL"])
    }

    /// Cached with a nullable input key: the NULL input (ID 3) matches the (NULL, n, 0) row (G5), which
    /// a join would not match, so the pass must not fire.
    static var cachedNullable: SQLPipelineCases.Case {
        sqlCase(
            "cached Use All Values, nullable keys", export([("Lookup caching enabled", "YES")]),
            ["1|b|2", "1|a|5", "1|NULL|1", "2|c|NULL", "3|n|0", "4|NULL|NULL"])
    }

    /// A lookup the pass must leave alone, and why.
    struct Refusal: CustomTestStringConvertible, Sendable {
        var why: String
        var export: ExportBuilder
        var testDescription: String { why }
    }

    /// Lookups the pass must leave alone.
    static var refused: [Refusal] {
        let cases: [(String, ExportBuilder)] = [
            ("cached, nullable keys", export([("Lookup caching enabled", "YES")])),
            ("Use First Value", export([("Lookup policy on multiple match", "Use First Value")])),
            ("Use Last Value", export([("Lookup policy on multiple match", "Use Last Value")])),
            ("SQL override", export([("Lookup Sql Override", "SELECT K, V, W FROM LKT WHERE W > 0")])),
            ("source filter", export([("Lookup Source Filter", "W > 0")])),
            ("dynamic cache", export([("Lookup caching enabled", "YES"), ("Dynamic Lookup Cache", "YES")])),
            ("persistent cache", export([("Lookup cache persistent", "YES")])),
            ("named connection", export([("Connection Information", "ORA_DW")])),
            ("flat file", export([("Source Type", "Flat File")])),
            ("range condition", export([("Lookup condition", "K >= IN_K")])),
        ]
        return cases.map { Refusal(why: $0.0, export: $0.1) }
    }

    /// Input (ID, S): (1, a), (2, B), (3, c), (4, NULL); table LKS (S, V): (A, x), (a, y), (b, z),
    /// (c , t). Without case sensitivity 'a' finds A and a, 'B' finds b; 'c' misses 'c ' (trailing
    /// blanks are significant, G8); NULL finds nothing (uncached).
    static var caseInsensitive: (export: ExportBuilder, tables: [SQLPipelineCases.Table], rows: [String]) {
        var export = ExportBuilder()
        export.source("S_IN", ["ID:i", "S:s5"])
        export.transformation(
            "LKP_S", type: "Lookup Procedure",
            ports: [
                ExportBuilder.port("ID:i"), ExportBuilder.port("IN_S:s5", "INPUT"),
                ExportBuilder.port("S:s5", "LOOKUP/OUTPUT"), ExportBuilder.port("V:s10", "LOOKUP/OUTPUT"),
            ],
            attributes: [
                ("Case Sensitive String Comparison", "NO"), ("Connection Information", "$Source"),
                ("Lookup caching enabled", "NO"), ("Lookup condition", "S = IN_S"),
                ("Lookup policy on multiple match", "Use All Values"), ("Lookup table name", "LKS"),
                ("Source Type", "Database"),
            ])
        export.target("T_S", ["ID:i", "V:s10"])
        export.connect("SQ_S_IN", "LKP_S", ["ID", "S>IN_S"])
        export.connect("LKP_S", "T_S", ["ID", "V"])
        let tables = [
            SQLPipelineCases.Table(
                name: "S_IN", columns: ["ID:i", "S:s5"], rows: [["1", "a"], ["2", "B"], ["3", "c"], ["4", "NULL"]]),
            SQLPipelineCases.Table(
                name: "LKS", columns: ["S:s5", "V:s10"], rows: [["A", "x"], ["a", "y"], ["b", "z"], ["c ", "t"]]),
        ]
        return (export, tables, ["1|x", "1|y", "2|z", "3|NULL", "4|NULL"].sorted())
    }
}
