import IR

extension FunctionLibrary {
    /// §3.4.4 functions over earlier rows: CUME, MOVINGSUM, MOVINGAVG. Each call site keeps its
    /// running state in ``EvaluationState/windows`` under its own key, so two calls never share a
    /// window and the state lasts as long as the caller keeps the evaluation state (one partition).
    ///
    /// A row whose value is NULL, or whose optional filter condition is not TRUE, is skipped: it
    /// neither enters the total nor the window, and the call returns the current result [BELIEVED].
    static let windowFunctions: [String: FunctionSpec] = [
        "CUME": FunctionSpec(1, 2) { r in cume(r) },
        "MOVINGSUM": FunctionSpec(2, 3) { r in moving(r, average: false) },
        "MOVINGAVG": FunctionSpec(2, 3) { r in moving(r, average: true) },
    ]

    /// CUME(n [, filter]): the running total of the non-NULL values; NULL until one was seen.
    private static func cume(_ r: FunctionRequest) -> FunctionImpl {
        let key = WindowKey()
        let highPrecision = r.settings.highPrecision
        return .stateful { values, state throws(RowError) in
            var window = state.windows[key] ?? WindowState()
            if try counts(values[0], filter: values.count > 1 ? values[1] : nil) {
                window.total =
                    window.total.isNull
                    ? try ValueConversion.number(values[0], highPrecision: highPrecision, context: "CUME")
                    : try Arithmetic.apply(.add, window.total, values[0], highPrecision: highPrecision)
                state.windows[key] = window
            }
            return window.total
        }
    }

    /// MOVINGSUM/MOVINGAVG(n, rowset [, filter]): the sum or average of the last `rowset` counted
    /// values (the current one included); NULL until `rowset` values were counted [BELIEVED].
    /// The sum is recomputed over the window each row, so no rounding drift accumulates.
    private static func moving(_ r: FunctionRequest, average: Bool) -> FunctionImpl {
        let key = WindowKey()
        let args = FunctionArguments(r)
        let highPrecision = r.settings.highPrecision
        return .stateful { values, state throws(RowError) in
            guard !values[1].isNull else { return .null }
            let size = try args.whole(values[1])
            guard size > 0 else { throw args.invalid("the rowset \(size) is not a positive number of rows") }
            var window = state.windows[key] ?? WindowState()
            if try counts(values[0], filter: values.count > 2 ? values[2] : nil) {
                window.recent.append(values[0])
            }
            if window.recent.count > size { window.recent.removeFirst(window.recent.count - size) }
            state.windows[key] = window
            guard window.recent.count == size else { return .null }
            var sum = Value.integer(0)
            for value in window.recent {
                sum = try Arithmetic.apply(.add, sum, value, highPrecision: highPrecision)
            }
            guard average else { return sum }
            return .double(try args.double(sum) / Double(size))
        }
    }

    /// Whether a row's value counts: not NULL, and the filter (when given) TRUE.
    private static func counts(_ value: Value, filter: Value?) throws(RowError) -> Bool {
        guard !value.isNull else { return false }
        guard let filter else { return true }
        return try ValueConversion.truth(filter) ?? false
    }
}

/// The identity of one CUME/MOVINGSUM/MOVINGAVG call site: an object made when the call is
/// compiled, compared by identity.
final class WindowKeyObject: Sendable {}

/// A call site's key in ``EvaluationState/windows``.
struct WindowKey: Hashable, Sendable {
    private let object = WindowKeyObject()

    static func == (a: WindowKey, b: WindowKey) -> Bool { a.object === b.object }
    func hash(into hasher: inout Hasher) { hasher.combine(ObjectIdentifier(object)) }
}

/// The running state of one call site.
struct WindowState: Hashable, Sendable {
    /// CUME's total so far (NULL before the first counted value).
    var total: Value = .null
    /// The last counted values of MOVINGSUM/MOVINGAVG, oldest first (at most `rowset`).
    var recent: [Value] = []
}
