import IR

/// One conditional group of a router, with its compiled condition.
public struct RouteCondition: Sendable {
    /// The group's name.
    public var name: String
    /// The condition, compiled against the input's columns.
    public var condition: CompiledExpression

    /// Creates a route condition.
    public init(name: String, condition: CompiledExpression) {
        self.name = name
        self.condition = condition
    }
}

/// The rows one router group receives.
public struct RoutedGroup: Hashable, Sendable {
    /// The group's name.
    public var name: String
    /// Its rows, in input order.
    public var rows: RowSet
}

/// Sends rows to router groups (reference §2.7): a row goes to every group whose condition is
/// TRUE (NULL is FALSE), and to the default group only when none is.
public enum Route {
    /// The names of the groups `row` goes to.
    public static func groups(
        of row: [Value], conditions: [RouteCondition], defaultGroup: String?
    ) throws(RowError) -> [String] {
        var names: [String] = []
        for group in conditions where try CompiledExpression.isTrue(try group.condition.evaluate(row)) {
            names.append(group.name)
        }
        if names.isEmpty, let defaultGroup { names.append(defaultGroup) }
        return names
    }

    /// Every group's rows: the conditional groups in order, then the default group if any.
    public static func run(
        _ input: RowSet, conditions: [RouteCondition], defaultGroup: String?
    ) throws(RowError) -> [RoutedGroup] {
        let names = conditions.map(\.name) + (defaultGroup.map { [$0] } ?? [])
        var routed = names.map { RoutedGroup(name: $0, rows: RowSet(columns: input.columns)) }
        for row in input.rows {
            for name in try groups(of: row, conditions: conditions, defaultGroup: defaultGroup) {
                if let position = names.firstIndex(of: name) { routed[position].rows.rows.append(row) }
            }
        }
        return routed
    }
}
