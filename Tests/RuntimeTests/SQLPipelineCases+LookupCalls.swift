import Foundation
import IR
import Runtime
import Testing

/// Expressions calling unconnected lookups (`:LKP.name(arguments)`, reference §2.6), with
/// target rows worked out by hand.
extension SQLPipelineCases {
    static var lookupCalls: [Case] {
        lookupCallPolicies + [lookupCallsInOneExpression, lookupCallWithTwoKeys]
    }

    // Lookup LKC (K, V, W), W returned: (1, b, 2), (1, a, 5), (1, NULL, 1), (2, c, 7), (NULL, n, 0).
    // The cache orders a key's rows by K, V, W ascending, NULL high: for K = 1 (1, a, 5), (1, b, 2),
    // (1, NULL, 1), so "Use First Value" returns 5 and "Use Last Value" 1; "Use Any Value" returns
    // what First does (the runtime's default). Input K = 1, 2, NULL, 9: 2 finds 7; a cached
    // lookup's NULL argument matches the NULL row (0), an uncached one's matches nothing; 9 misses.
    static var lookupCallPolicies: [Case] {
        let policies = [
            ("Use First Value", true, ["1|5", "2|7", "3|0", "4|NULL"]),
            ("Use Last Value", true, ["1|1", "2|7", "3|0", "4|NULL"]),
            ("Use Any Value", true, ["1|5", "2|7", "3|0", "4|NULL"]),
            ("Use First Value", false, ["1|5", "2|7", "3|NULL", "4|NULL"]),
        ]
        return policies.map { policy, cached, expected in
            var export = ExportBuilder()
            export.source("U_IN", ["ID:i", "K:i"])
            export.transformation(
                "EXP", type: "Expression",
                ports: [
                    ExportBuilder.port("ID:i"), ExportBuilder.port("K:i", "INPUT"),
                    ExportBuilder.port("OUT:i", "OUTPUT", expression: ":LKP.LKP_U(K)"),
                ])
            export.transformation(
                "LKP_U", type: "Lookup Procedure", ports: lookupCallPorts,
                attributes: lookupCallAttributes(policy, cached))
            export.target("T_U", ["ID:i", "OUT:i"])
            export.connect("SQ_U_IN", "EXP", ["ID", "K"])
            export.connect("EXP", "T_U", ["ID", "OUT"])
            return Case(
                name: "lookup call \(policy)\(cached ? "" : ", uncached")", export: export,
                tables: [
                    Table(
                        name: "U_IN", columns: ["ID:i", "K:i"],
                        rows: [["1", "1"], ["2", "2"], ["3", "NULL"], ["4", "9"]]),
                    lookupCallTable,
                ],
                expected: ["T_U": expected], columns: ["T_U": ["ID", "OUT"]])
        }
    }

    // Input (ID, K, K2): (1, 1, 2), (2, NULL, 1), (3, 9, NULL), (4, 2, 9); LKC as above, "Use First
    // Value". OUT1 = IIF(ISNULL(K), -1, :LKP.LKP_U(K)): 5, -1, NULL (9 misses), 7. V_X = :LKP.LKP_U(K2)
    // (a variable) and OUT2 = V_X: 7, 5, 0 (NULL finds the NULL row), NULL. OUT3 = :LKP.LKP_U(K),
    // the call of OUT1 again (one join for both): 5, 0, NULL, 7.
    static var lookupCallsInOneExpression: Case {
        var export = ExportBuilder()
        export.source("UC_IN", ["ID:i", "K:i", "K2:i"])
        export.transformation(
            "EXP", type: "Expression",
            ports: [
                ExportBuilder.port("ID:i"), ExportBuilder.port("K:i", "INPUT"), ExportBuilder.port("K2:i", "INPUT"),
                ExportBuilder.port("V_X:i", "LOCAL VARIABLE", expression: ":LKP.LKP_U(K2)"),
                ExportBuilder.port("OUT1:i", "OUTPUT", expression: "IIF(ISNULL(K), -1, :LKP.LKP_U(K))"),
                ExportBuilder.port("OUT2:i", "OUTPUT", expression: "V_X"),
                ExportBuilder.port("OUT3:i", "OUTPUT", expression: ":LKP.lkp_u(K)"),
            ])
        export.transformation(
            "LKP_U", type: "Lookup Procedure", ports: lookupCallPorts,
            attributes: lookupCallAttributes("Use First Value", true))
        export.target("T_UC", ["ID:i", "OUT1:i", "OUT2:i", "OUT3:i"])
        export.connect("SQ_UC_IN", "EXP", ["ID", "K", "K2"])
        export.connect("EXP", "T_UC", ["ID", "OUT1", "OUT2", "OUT3"])
        return Case(
            name: "lookup calls inside IIF, in a variable, and twice", export: export,
            tables: [
                Table(
                    name: "UC_IN", columns: ["ID:i", "K:i", "K2:i"],
                    rows: [["1", "1", "2"], ["2", "NULL", "1"], ["3", "9", "NULL"], ["4", "2", "9"]]),
                lookupCallTable,
            ],
            expected: ["T_UC": ["1|5|7|5", "2|-1|5|0", "3|NULL|0|NULL", "4|7|NULL|7"]],
            columns: ["T_UC": ["ID", "OUT1", "OUT2", "OUT3"]])
    }

    // LKP_2's input ports are IN_B then IN_A, so :LKP.LKP_2(SB, SA) binds SB to IN_B and SA to IN_A
    // (port order, not condition order); condition A = IN_A AND B = IN_B, "Use Last Value", R
    // returned. LK2 (A, B, R): (1, x, p), (1, y, q), (2, x, r), (1, x, s), (NULL, x, t). Input
    // (ID, SA, SB): (1, 1, x) finds p and s, last in order s; (2, 1, y) q; (3, 2, y) nothing;
    // (4, NULL, x) the NULL row's t (cached); (5, 1, NULL) nothing.
    static var lookupCallWithTwoKeys: Case {
        var export = ExportBuilder()
        export.source("U2_IN", ["ID:i", "SA:i", "SB:s5"])
        export.transformation(
            "EXP", type: "Expression",
            ports: [
                ExportBuilder.port("ID:i"), ExportBuilder.port("SA:i", "INPUT"), ExportBuilder.port("SB:s5", "INPUT"),
                ExportBuilder.port("OUT:s10", "OUTPUT", expression: ":LKP.LKP_2(SB, SA)"),
            ])
        export.transformation(
            "LKP_2", type: "Lookup Procedure",
            ports: [
                ExportBuilder.port("IN_B:s5", "INPUT"), ExportBuilder.port("IN_A:i", "INPUT"),
                ExportBuilder.port("A:i", "LOOKUP/OUTPUT"), ExportBuilder.port("B:s5", "LOOKUP/OUTPUT"),
                ExportBuilder.port("R:s10", "LOOKUP/RETURN/OUTPUT"),
            ],
            attributes: [
                ("Lookup table name", "LK2"), ("Lookup caching enabled", "YES"),
                ("Lookup policy on multiple match", "Use Last Value"), ("Lookup condition", "A = IN_A AND B = IN_B"),
                ("Connection Information", "$Source"), ("Source Type", "Database"),
            ])
        export.target("T_U2", ["ID:i", "OUT:s10"])
        export.connect("SQ_U2_IN", "EXP", ["ID", "SA", "SB"])
        export.connect("EXP", "T_U2", ["ID", "OUT"])
        return Case(
            name: "lookup call with a two-key condition", export: export,
            tables: [
                Table(
                    name: "U2_IN", columns: ["ID:i", "SA:i", "SB:s5"],
                    rows: [
                        ["1", "1", "x"], ["2", "1", "y"], ["3", "2", "y"], ["4", "NULL", "x"], ["5", "1", "NULL"],
                    ]),
                Table(
                    name: "LK2", columns: ["A:i", "B:s5", "R:s10"],
                    rows: [["1", "x", "p"], ["1", "y", "q"], ["2", "x", "r"], ["1", "x", "s"], ["NULL", "x", "t"]]),
            ],
            expected: ["T_U2": ["1|s", "2|q", "3|NULL", "4|t", "5|NULL"]], columns: ["T_U2": ["ID", "OUT"]])
    }

    /// LKP_U's ports: input IN_K, lookup ports K, V and W, W returned.
    static let lookupCallPorts = [
        ExportBuilder.port("IN_K:i", "INPUT"), ExportBuilder.port("K:i", "LOOKUP/OUTPUT"),
        ExportBuilder.port("V:s10", "LOOKUP/OUTPUT"), ExportBuilder.port("W:i", "LOOKUP/RETURN/OUTPUT"),
    ]

    /// LKP_U's attributes: table LKC, condition K = IN_K, `policy`, cached or not.
    static func lookupCallAttributes(_ policy: String, _ cached: Bool) -> [(String, String)] {
        [
            ("Lookup table name", "LKC"), ("Lookup caching enabled", cached ? "YES" : "NO"),
            ("Lookup policy on multiple match", policy), ("Lookup condition", "K = IN_K"),
            ("Connection Information", "$Source"), ("Source Type", "Database"),
        ]
    }

    static let lookupCallTable = Table(
        name: "LKC", columns: ["K:i", "V:s10", "W:i"],
        rows: [["1", "b", "2"], ["1", "a", "5"], ["1", "NULL", "1"], ["2", "c", "7"], ["NULL", "n", "0"]])
}
