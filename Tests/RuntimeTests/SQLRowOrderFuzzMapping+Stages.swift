import Foundation
import IR
import Runtime

/// The order-dependent last stage of a ``RowOrderFuzzMapping``, each writing `T_OUT`.
extension RowOrderFuzzMapping {
    /// A Sequence Generator (`NEXTVAL`, `CURRVAL`; Number of Cached Values 0, no Reset).
    mutating func sequence(_ name: String, current: Int, increment: Int, end: Int, start: Int, cycle: Bool) {
        export.transformation(
            name, type: "Sequence",
            ports: ExportBuilder.sequencePorts,
            attributes: [
                ("Start Value", "\(start)"), ("Increment By", "\(increment)"), ("End Value", "\(end)"),
                ("Current Value", "\(current)"), ("Cycle", cycle ? "YES" : "NO"), ("Number of Cached Values", "0"),
                ("Reset", "NO"),
            ])
        steps.append(
            "\(name) current \(current) increment \(increment) end \(end) start \(start)\(cycle ? " cycle" : "")")
    }

    /// Target `T_OUT` with integer `columns`.
    mutating func output(_ columns: [String]) {
        export.target("T_OUT", columns.map { "\($0):i" })
        targets["T_OUT"] = columns
    }

    /// A sequence (Cycle with a small range, else End Value 1000) read beside the rows by the
    /// target (through a pass-through Expression when a stage follows) or by an Expression.
    mutating func sequenceStage() {
        let (cycle, increment, name) = (chance(40), int(1...3), named("SEQ"))
        if cycle {
            let start = int(0...3)
            let end = start + int(2...8)
            sequence(name, current: int(start...end), increment: increment, end: end, start: start, cycle: true)
        } else {
            sequence(name, current: int(0...10), increment: increment, end: 1000, start: int(0...5), cycle: false)
        }
        let (reader, nv, cv, o) = (named("EXPS"), named("NV"), named("CV"), named("SO"))
        if chance(50) {
            let which = pick([[("NEXTVAL", nv)], [("NEXTVAL", nv), ("CURRVAL", cv)], [("CURRVAL", cv)]])
            directSequence = (name, which.map { "\($0.0)>\($0.1)" }, which.map(\.1))
            return
        }
        let id = upstream.names.contains("ID") ? "ID" : "A"
        let text = pick([
            nv, "\(nv) + A", "\(nv) * 10 + \(id)", "IIF(ISNULL(A), \(nv), A * 100 + \(nv))", "\(cv) - \(nv) + B",
        ])
        var ports = passThrough + [ExportBuilder.port("\(nv):i", "INPUT"), ExportBuilder.port("\(cv):i", "INPUT")]
        ports.append(ExportBuilder.port("\(o):i", "OUTPUT", expression: text))
        export.transformation(reader, type: "Expression", ports: ports)
        link(to: reader)
        export.connect(name, reader, text.contains(cv) ? ["NEXTVAL>\(nv)", "CURRVAL>\(cv)"] : ["NEXTVAL>\(nv)"])
        upstream = Upstream(reader, upstream.names + [o])
        steps.append("\(reader) \(o) := \(text)")
    }

    /// The sequence of the last stage read beside the rows by whatever comes next: the target, or
    /// an Expression `EXPS` passing NEXTVAL and/or CURRVAL on when another stage follows.
    mutating func readSequence(by reader: String?) {
        guard let (name, wired, added) = directSequence else { return }
        directSequence = nil
        guard let reader else {
            output(upstream.names + added)
            link(to: "T_OUT")
            export.connect(name, "T_OUT", wired)
            steps.append("\(name) \(wired.joined(separator: ", ")) → T_OUT")
            return
        }
        export.transformation(
            reader, type: "Expression", ports: passThrough + added.map { ExportBuilder.port("\($0):i") })
        link(to: reader)
        export.connect(name, reader, wired)
        upstream = Upstream(reader, upstream.names + added)
        steps.append("\(reader) passes \(wired.joined(separator: ", ")) on")
    }

    /// An Expression with 1 to 3 variable shapes (counters, counters reset by a condition in
    /// either branch, previous values), each read by an output port.
    mutating func variableStage() {
        let (name, prefix) = (named("EXPV"), stage == 1 ? "O" : "O\(stage)_")
        var variables: [(name: String, expression: String)] = []
        var deferred: [(name: String, expression: String)] = []
        var readable: [String] = []
        var counters: [String] = []
        var outputs: [String] = []
        let extra = upstream.names.filter { !["ID", "A", "B"].contains($0) }
        for k in 1...int(1...3) {
            if chance(35) {
                let (p, w) = ("v_p\(k)", "v_w\(k)")
                let k2 = int(0...2)
                let value = pick(["A", "A + B", "IIF(A > \(k2), A, B)", "B"] + extra)
                variables.append((p, w))
                if chance(50) { variables.append((w, value)) } else { deferred.append((w, value)) }
                readable += [p, w]
                outputs.append(pick([p, "\(p) * 2 + 1", "\(p) + A"]))
            } else {
                let v = "v_c\(k)"
                variables.append((v, counterExpression(v, readable: readable, counters: counters)))
                counters.append(v)
                outputs.append(pick([v, "\(v) * 2 + 1", "\(v) + A"]))
            }
        }
        variables += deferred
        let names = outputs.indices.map { "\(prefix)\($0 + 1)" }
        var ports = passThrough
        ports += variables.map { ExportBuilder.port("\($0.name):i", "LOCAL VARIABLE", expression: $0.expression) }
        ports += zip(names, outputs).map { ExportBuilder.port("\($0):i", "OUTPUT", expression: $1) }
        export.transformation(name, type: "Expression", ports: ports)
        link(to: name)
        upstream = Upstream(name, upstream.names + names)
        let shown = variables.map { "\($0.name) := \($0.expression)" } + zip(names, outputs).map { "\($0) := \($1)" }
        steps.append("\(name) " + shown.joined(separator: ", "))
    }

    /// `v + n` (or `n + v`, `v - n`), `IIF(c, v + n, m)` or `IIF(c, m, v + n)`; the condition
    /// reads A, B or a previous-value variable, and rarely another counter (a refused shape).
    mutating func counterExpression(_ v: String, readable: [String], counters: [String]) -> String {
        let (n, m) = (int(1...3), int(0...2))
        let step = pick(["\(v) + \(n)", "\(v) + \(n)", "\(n) + \(v)", "\(v) - \(n)"])
        var test = condition()
        if !readable.isEmpty, chance(40) {
            test = "\(pick(["A", "B"])) \(pick(["=", "<>"])) \(pick(readable))"
        } else if !counters.isEmpty, chance(10) {
            test = "\(pick(counters)) > 2"
        }
        switch index(3) {
        case 0: return step
        case 1: return "IIF(\(test), \(step), \(m))"
        default: return "IIF(\(test), \(m), \(step))"
        }
    }

    /// An unsorted Aggregator grouped by A (or not grouped): every other column a last-row port
    /// (ID sometimes input only), an aggregate N and sometimes an output that takes the last
    /// row's value of an expression.
    mutating func aggregatorStage() {
        let (name, n, out) = (named("AGG"), named("N"), named("OUT"))
        let grouped = chance(75)
        let hasID = upstream.names.contains("ID")
        let keepID = hasID && chance(50)
        let aggregate = pick((hasID ? ["COUNT(ID)"] : []) + ["SUM(B)", "MAX(B)", "COUNT(B)", "MIN(A)"])
        let last = chance(50) ? pick(["B + 1", "IIF(ISNULL(B), -1, B)", hasID ? "B * 10 + ID" : "B * 10 + A"]) : nil
        var ports: [String] = []
        var names: [String] = []
        for column in upstream.names {
            if column == "A" && grouped {
                ports.append(ExportBuilder.port("A:i", expression: "A", expressionType: "GROUPBY"))
            } else {
                ports.append(ExportBuilder.port("\(column):i", column == "ID" && !keepID ? "INPUT" : "INPUT/OUTPUT"))
            }
            if column != "ID" || keepID { names.append(column) }
        }
        ports.append(ExportBuilder.port("\(n):i", "OUTPUT", expression: aggregate))
        names.append(n)
        if let last {
            ports.append(ExportBuilder.port("\(out):i", "OUTPUT", expression: last))
            names.append(out)
        }
        export.transformation(
            name, type: "Aggregator", ports: ports,
            attributes: [("Sorted Input", "NO"), ("Transformation Scope", "All Input")])
        link(to: name)
        upstream = Upstream(name, names)
        steps.append(
            "\(name) \(grouped ? "by A" : "no group")\(keepID ? ", ID last row" : ""), other columns last row, "
                + "\(n) := \(aggregate)" + (last.map { ", \(out) := \($0)" } ?? ""))
    }
}
