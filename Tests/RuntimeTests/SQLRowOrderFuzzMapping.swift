import Foundation
import IR
import Runtime

/// A small mapping drawn from one seed whose rows depend on the order they arrive in: source
/// `R_IN (ID, A, B)` sorted by its integer key ID (rows inserted shuffled, A and B small integers
/// with NULLs and repeats), an optional Filter or Router group, an optional Sorter, an optional
/// row-local Expression, then a Sequence Generator, an Expression with variables carried across
/// rows, or an unsorted Aggregator with last-row ports, into target `T_OUT` of integers.
///
/// The same seed always gives the same mapping and rows (``SplitMix64``); ``description`` says
/// what was drawn, so a failing seed can be read and replayed.
struct RowOrderFuzzMapping: CustomStringConvertible {
    /// The instance rows come from: its ports, and the column each carries (the name the next
    /// transformation and the target give it). ID, A and B come first while they last.
    struct Upstream {
        var instance: String
        var ports: [String]
        var names: [String]

        /// An instance whose ports are named after their columns.
        init(_ instance: String, _ names: [String]) {
            self.instance = instance
            ports = names
            self.names = names
        }
    }

    let seed: UInt64
    var export = ExportBuilder()
    var rows: [[String]] = []
    var steps: [String] = []
    /// Target table → columns, as ``SQLPipelineCases/Case/columns``.
    var targets: [String: [String]] = [:]
    var random: SplitMix64
    var upstream = Upstream("SQ_R_IN", ["ID", "A", "B"])
    /// Which order-dependent stage is being drawn (1 to 3), to name its transformations.
    var stage = 1
    /// A sequence of the last stage not read yet: its name, connectors (`NEXTVAL>NV`) and the
    /// columns they add.
    var directSequence: (name: String, wired: [String], added: [String])?

    static let sourceColumns = ["ID*:i", "A:i", "B:i"]

    init(seed: UInt64) {
        self.seed = seed
        random = SplitMix64(seed: seed)
        drawRows()
        export.source("R_IN", Self.sourceColumns, sortedPorts: 1)
        if chance(25) { router() } else if chance(50) { filter() }
        if chance(55) { sorter() }
        if chance(25) { rowLocalExpression() }
        orderDependentStage()
        // Sometimes a second (rarely a third) stage reads the first's rows, in the order it
        // passes them on, through an optional Filter and Sorter over any column.
        for round in 2...3 where chance(round == 2 ? 40 : 15) {
            readSequence(by: named("EXPS"))
            if round == 2, chance(25) { middleTarget() }
            stage = round
            if chance(20) { filter() }
            if chance(40) { sorter() }
            orderDependentStage()
        }
        if directSequence != nil {
            readSequence(by: nil)
        } else {
            output(upstream.names)
            link(to: "T_OUT")
        }
    }

    /// A Sequence Generator, an Expression with variables or an unsorted Aggregator.
    mutating func orderDependentStage() {
        switch index(3) {
        case 0: sequenceStage()
        case 1: variableStage()
        default: aggregatorStage()
        }
    }

    /// Target `T_MID` loading the rows of the first stage that the next stage also reads.
    mutating func middleTarget() {
        export.target("T_MID", upstream.names.map { "\($0):i" })
        targets["T_MID"] = upstream.names
        link(to: "T_MID")
        steps.append("\(upstream.instance) → T_MID too")
    }

    /// The case ``SQLPipelineExecution`` runs (no expected rows: the native run is the reference).
    var testCase: SQLPipelineCases.Case {
        SQLPipelineCases.Case(
            name: "seed \(seed)", export: export,
            tables: [SQLPipelineCases.Table(name: "R_IN", columns: Self.sourceColumns, rows: rows)], expected: [:],
            columns: targets)
    }

    var description: String {
        let shown = rows.map { "(\($0.joined(separator: ",")))" }.joined(separator: " ")
        return "seed \(seed): R_IN (ID,A,B) inserted as \(shown.isEmpty ? "no rows" : shown); "
            + steps.joined(separator: "; ")
    }

    // MARK: random choices

    mutating func index(_ count: Int) -> Int { random.index(count) }
    mutating func int(_ range: ClosedRange<Int>) -> Int { range.lowerBound + index(range.count) }
    mutating func chance(_ percent: Int) -> Bool { index(100) < percent }
    mutating func pick<T>(_ choices: [T]) -> T { choices[index(choices.count)] }

    /// A condition over A and B, with NULLs, ties and constants in reach of the values.
    mutating func condition() -> String {
        let k = int(0...2)
        let extra = upstream.names.filter { !["ID", "A", "B"].contains($0) }
        if !extra.isEmpty, chance(30) { return "\(pick(extra)) \(pick([">", "<=", "="])) \(int(0...12))" }
        return pick([
            "A > \(k)", "ISNULL(B)", "A <> B", "NOT ISNULL(A)", "B <= \(k)", "A + B > \(k)", "B = \(k)",
            "NOT ISNULL(B)",
            "A < \(k) OR B > 0",
        ])
    }

    /// `base`, numbered after the stage from the second on (`SEQ`, `SEQ2`).
    func named(_ base: String) -> String { stage == 1 ? base : "\(base)\(stage)" }

    // MARK: source and upstream shapes

    /// 3 to 12 rows (rarely none), IDs distinct from 1 to 30 in a shuffled order.
    mutating func drawRows() {
        let count = chance(5) ? 0 : int(3...12)
        var ids = Array(1...30)
        for i in stride(from: ids.count - 1, to: 0, by: -1) { ids.swapAt(i, index(i + 1)) }
        rows = ids.prefix(count).map { id in
            [String(id), pick(["NULL", "0", "1", "2", "3"]), pick(["NULL", "-1", "0", "1", "2", "5"])]
        }
    }

    /// Connectors from the upstream ports to the ports of `instance` named after their columns.
    mutating func link(to instance: String) {
        export.connect(upstream.instance, instance, zip(upstream.ports, upstream.names).map { "\($0)>\($1)" })
    }

    /// Input/output ports named after the upstream columns.
    var passThrough: [String] { upstream.names.map { ExportBuilder.port("\($0):i") } }

    mutating func filter() {
        let (text, name) = (condition(), named("FIL"))
        export.transformation(
            name, type: "Filter", ports: passThrough, attributes: [("Filter Condition", text)])
        link(to: name)
        upstream = Upstream(name, upstream.names)
        steps.append("\(name) '\(text)'")
    }

    /// A Router whose group G1 goes on and whose default group loads `T_DEF (ID, A, B)`.
    mutating func router() {
        let text = condition()
        let groups = """
            <GROUP NAME ="INPUT" ORDER ="1" TYPE ="INPUT"/>
            <GROUP EXPRESSION ="\(ExportBuilder.escape(text))" NAME ="G1" ORDER ="2" TYPE ="OUTPUT"/>
            <GROUP NAME ="DEFAULT1" ORDER ="3" TYPE ="OUTPUT/DEFAULT"/>
            """
        var ports = ["ID", "A", "B"].map { ExportBuilder.port("\($0):i", "INPUT", extra: "GROUP =\"INPUT\"") }
        for (suffix, group) in [("1", "G1"), ("3", "DEFAULT1")] {
            for name in ["ID", "A", "B"] {
                ports.append(
                    ExportBuilder.port(
                        "\(name)\(suffix):i", "OUTPUT", extra: "GROUP =\"\(group)\" REF_FIELD =\"\(name)\""))
            }
        }
        export.transformation("RTR", type: "Router", ports: ports, body: groups)
        link(to: "RTR")
        export.target("T_DEF", ["ID:i", "A:i", "B:i"])
        export.connect("RTR", "T_DEF", ["ID3>ID", "A3>A", "B3>B"])
        targets["T_DEF"] = ["ID", "A", "B"]
        upstream = Upstream("RTR", ["ID", "A", "B"])
        upstream.ports = ["ID1", "A1", "B1"]
        steps.append("RTR group G1 '\(text)' on, DEFAULT1 → T_DEF")
    }

    /// A Sorter by one or two columns (A and B first, later any), each direction random, NULL
    /// high or low, sometimes Distinct.
    mutating func sorter() {
        let columns = upstream.names.filter { $0 != "ID" }
        let first = stage == 1 ? pick(["A", "B"]) : pick(columns)
        let keys = chance(50) ? [first] : [first, pick(columns.filter { $0 != first })]
        let descending = keys.map { _ in chance(50) }
        let (nullLow, distinct, name) = (chance(50), chance(15), named("SRT"))
        var ports: [String] = []
        for (key, down) in zip(keys, descending) {
            let direction = down ? "DESCENDING" : "ASCENDING"
            ports.append(ExportBuilder.port("\(key):i", extra: "ISSORTKEY =\"YES\" SORTDIRECTION =\"\(direction)\""))
        }
        for name in upstream.names where !keys.contains(name) {
            ports.append(ExportBuilder.port("\(name):i", extra: "ISSORTKEY =\"NO\" SORTDIRECTION =\"ASCENDING\""))
        }
        export.transformation(
            name, type: "Sorter", ports: ports,
            attributes: [
                ("Case Sensitive", "YES"), ("Distinct", distinct ? "YES" : "NO"),
                ("Null Treated Low", nullLow ? "YES" : "NO"),
            ])
        link(to: name)
        upstream = Upstream(name, keys + upstream.names.filter { !keys.contains($0) })
        let order = zip(keys, descending).map { "\($0) \($1 ? "desc" : "asc")" }.joined(separator: ", ")
        steps.append("\(name) by \(order), NULL \(nullLow ? "low" : "high")\(distinct ? ", distinct" : "")")
    }

    /// An Expression that passes ID and A on and replaces B by a row-local value BX.
    mutating func rowLocalExpression() {
        let text = pick(["B", "IIF(ISNULL(B), A, B)", "B * 2", "A - B"])
        export.transformation(
            "EXPP", type: "Expression",
            ports: [
                ExportBuilder.port("ID:i"), ExportBuilder.port("A:i"), ExportBuilder.port("B:i", "INPUT"),
                ExportBuilder.port("BX:i", "OUTPUT", expression: text),
            ])
        link(to: "EXPP")
        upstream = Upstream("EXPP", ["ID", "A", "B"])
        upstream.ports = ["ID", "A", "BX"]
        steps.append("EXPP B := \(text)")
    }
}
