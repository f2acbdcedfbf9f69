import Codegen
import Foundation
import IR
import Runtime
import Testing

/// Random mappings whose rows depend on the order rows arrive in (``RowOrderFuzzMapping``: sorted
/// source, Filter or Router, Sorter, Sequence Generator, variables carried across rows, Aggregator
/// last-row ports), each run natively and as pushed-down SQL on the same shuffled rows. Every
/// target pushed down must hold the native rows; a target kept in the runtime must be refused as
/// order-dependent (CG2004, CG2007, CG2015). Seeds are fixed, and every failure names its seed and
/// the mapping drawn from it.
@Suite("row order: random mappings, native against pushed-down SQL")
struct SQLRowOrderDifferentialTests {
    /// Seeds 1 to 40, or the range `ROW_ORDER_FUZZ_SEEDS` names (`first-last`) to explore more.
    static let seeds = FuzzSeeds.named("ROW_ORDER_FUZZ_SEEDS", otherwise: 1...40)
    /// The refusals an order-dependent transformation may give.
    static let orderRefusals: Set<String> = ["CG2004", "CG2007", "CG2015"]
    /// How many of the seeds must be pushed down whole on SQLite: three quarters.
    static var pushedDownFloor: Int { seeds.count * 3 / 4 }

    @Test("the SQLite SQL writes the native rows", arguments: seeds)
    func sqliteAgrees(seed: UInt64) throws {
        let mapping = RowOrderFuzzMapping(seed: seed)
        Self.check(try SQLPipelineExecution(sqlite: mapping.testCase), mapping)
    }

    @Test(
        "with the optimizer's passes on, the SQLite SQL still writes the native rows",
        arguments: seeds.filter { $0 % 2 == 0 })
    func optimizedSQLiteAgrees(seed: UInt64) throws {
        let mapping = RowOrderFuzzMapping(seed: seed)
        Self.check(try SQLPipelineExecution(sqlite: mapping.testCase, optimized: true), mapping)
    }

    @Test("most random mappings are pushed down whole, the rest refused as order-dependent; most load rows")
    func mostArePushedDown() throws {
        var (full, loaded) = (0, 0)
        var refusals: [String: Int] = [:]
        for seed in Self.seeds {
            let run = try SQLPipelineExecution(sqlite: RowOrderFuzzMapping(seed: seed).testCase)
            if run.report.status == .full { full += 1 }
            if run.native["T_OUT"]?.isEmpty == false { loaded += 1 }
            for diagnostic in run.report.diagnostics { refusals[diagnostic.code.rawValue, default: 0] += 1 }
        }
        print(
            "row-order fuzz: \(full) of \(Self.seeds.count) pushed down whole, \(loaded) with rows in T_OUT "
                + "natively, refusals by code: \(refusals)")
        #expect(full >= Self.pushedDownFloor, "refusals by code: \(refusals)")
        #expect(loaded >= Self.pushedDownFloor, "only \(loaded) seeds load rows into T_OUT")
        #expect(Set(refusals.keys).isSubset(of: Self.orderRefusals), "\(refusals)")
    }

    /// Every target pushed down holds the native rows; every other is refused as order-dependent,
    /// its message printed.
    static func check(_ run: SQLPipelineExecution, _ mapping: RowOrderFuzzMapping) {
        for entry in run.report.notPushedDown {
            let code = entry.diagnostic.code.rawValue
            print(
                "row-order fuzz seed \(mapping.seed): '\(entry.target)' not pushed down: [\(code)] \(entry.diagnostic.message)"
            )
            #expect(orderRefusals.contains(code), "\(mapping)\n[\(code)] \(entry.diagnostic.message)")
        }
        #expect(!run.native.isEmpty, "\(mapping): no target rows read")
        if ProcessInfo.processInfo.environment["ROW_ORDER_FUZZ_VERBOSE"] != nil {
            print("row-order fuzz \(mapping)\n  native: \(run.native)\n  SQL:    \(run.pushedDown)")
        }
        for target in run.report.pushedDown {
            #expect(
                run.pushedDown[target] == run.native[target],
                """
                \(mapping)
                target \(target)
                native: \(run.native[target] ?? [])
                SQL:    \(run.pushedDown[target] ?? [])
                \(run.script)
                """)
        }
    }
}

extension PostgresTests {
    @Suite("row order: random mappings on PostgreSQL")
    struct RowOrderDifferential {
        @Test(
            "the PostgreSQL SQL writes the native rows",
            arguments: SQLRowOrderDifferentialTests.seeds.filter { $0 % 3 == 1 })
        func postgresAgrees(seed: UInt64) throws {
            let mapping = RowOrderFuzzMapping(seed: seed)
            try PostgresTests.withSchema { connection in
                SQLRowOrderDifferentialTests.check(
                    try SQLPipelineExecution(postgres: mapping.testCase, connection), mapping)
            }
        }
    }
}
