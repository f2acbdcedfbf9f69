import Foundation

/// The aggregate functions an Aggregator computes (reference §3.4.9, §2.4).
public enum AggregateFunction: String, Hashable, Sendable, CaseIterable {
    /// `SUM`: the sum of the values.
    case sum = "SUM"
    /// `COUNT`: the number of non-NULL values.
    case count = "COUNT"
    /// `COUNT(*)`: the number of rows.
    case countRows = "COUNT(*)"
    /// `AVG`: the mean of the values.
    case avg = "AVG"
    /// `MIN`: the smallest value.
    case min = "MIN"
    /// `MAX`: the largest value.
    case max = "MAX"
    /// `FIRST`: the first non-NULL value.
    case first = "FIRST"
    /// `LAST`: the last non-NULL value.
    case last = "LAST"
    /// `MEDIAN`: the median value.
    case median = "MEDIAN"
    /// `STDDEV`: the sample standard deviation.
    case stddev = "STDDEV"
    /// `VARIANCE`: the sample variance.
    case variance = "VARIANCE"
    /// `PERCENTILE`: the interpolated percentile.
    case percentile = "PERCENTILE"
}

/// Accumulates one aggregate over the rows of one group.
///
/// Rows whose filter condition is FALSE or NULL are excluded; NULL inputs are ignored (COUNT(*)
/// counts rows); with no value the result is NULL, except COUNT and COUNT(*) which give 0
/// [BELIEVED]. STDDEV and VARIANCE are sample statistics (n − 1; one value gives 0); MEDIAN of an
/// even count is the mean of the middle two; PERCENTILE interpolates like PERCENTILE_CONT (chosen).
public struct AggregateAccumulator: Sendable {
    /// The function computed.
    public let function: AggregateFunction
    /// PERCENTILE's percentage, 0–100.
    public let percentage: Double
    let highPrecision: Bool
    /// The settings, shared by reference: an aggregator holds three accumulators per group and
    /// millions of groups, so a copy of the settings in each would dominate its memory.
    let shared: SharedSettings
    var settings: EvaluationSettings { shared.settings }
    var count: Int64 = 0
    var total: Value = .null
    var chosen: Value = .null
    var kept: [Value] = []
    var mean = 0.0
    var squares = 0.0

    /// Creates an empty accumulator.
    public init(_ function: AggregateFunction, settings: EvaluationSettings, percentage: Double = 50) {
        self.init(function, shared: SharedSettings(settings), percentage: percentage)
    }

    /// Creates an empty accumulator sharing `shared` with others.
    init(_ function: AggregateFunction, shared: SharedSettings, percentage: Double = 50) {
        self.function = function
        self.shared = shared
        self.highPrecision = shared.settings.highPrecision
        self.percentage = percentage
    }

    /// Adds one row's value; `filter` is the row's filter condition, nil when there is none.
    public mutating func add(_ value: Value, filter: Value? = nil) throws(RowError) {
        if let filter, try ValueConversion.truth(filter) != true { return }
        if function == .countRows {
            count += 1
            return
        }
        guard !value.isNull else { return }
        count += 1
        switch function {
        case .sum, .avg:
            total = total.isNull ? value : try Arithmetic.apply(.add, total, value, highPrecision: highPrecision)
        case .count, .countRows: break
        case .min, .max:
            if chosen.isNull { chosen = value; return }
            let order = try Comparison.orderOfNonNull(value, chosen, settings)
            if function == .min ? order < 0 : order > 0 { chosen = value }
        case .first: if count == 1 { chosen = value }
        case .last: chosen = value
        case .median, .percentile: kept.append(value)
        case .stddev, .variance:
            let x = try ValueConversion.double(value, context: function.rawValue) ?? 0
            let delta = x - mean
            mean += delta / Double(count)
            squares += delta * (x - mean)
        }
    }

    /// The aggregate of the values added so far.
    public func result() throws(RowError) -> Value {
        switch function {
        case .count, .countRows: return .integer(count)
        case .sum, .min, .max, .first, .last: return function == .sum ? total : chosen
        case .avg:
            guard count > 0 else { return .null }
            return try Arithmetic.apply(.divide, total, .integer(count), highPrecision: highPrecision)
        case .variance, .stddev:
            guard count > 0 else { return .null }
            let variance = count > 1 ? squares / Double(count - 1) : 0
            return .double(function == .variance ? variance : variance.squareRoot())
        case .median: return try median()
        case .percentile: return try percentile()
        }
    }

    private func sorted() throws(RowError) -> [Value] {
        var values = kept
        var failure: RowError?
        values.sort { a, b in
            do throws(RowError) { return try Comparison.orderOfNonNull(a, b, settings) < 0 } catch {
                failure = error
                return false
            }
        }
        if let failure { throw failure }
        return values
    }

    private func median() throws(RowError) -> Value {
        guard !kept.isEmpty else { return .null }
        let values = try sorted()
        let middle = values.count / 2
        if values.count % 2 == 1 { return values[middle] }
        let sum = try Arithmetic.apply(.add, values[middle - 1], values[middle], highPrecision: highPrecision)
        return try Arithmetic.apply(.divide, sum, .integer(2), highPrecision: highPrecision)
    }

    private func percentile() throws(RowError) -> Value {
        guard !kept.isEmpty else { return .null }
        var numbers: [Double] = []
        for value in try sorted() { numbers.append(try ValueConversion.double(value, context: "PERCENTILE") ?? 0) }
        let position = Swift.min(Swift.max(percentage, 0), 100) / 100 * Double(numbers.count - 1)
        let low = Int(position.rounded(.down))
        let high = Swift.min(low + 1, numbers.count - 1)
        return .double(numbers[low] + (numbers[high] - numbers[low]) * (position - Double(low)))
    }
}

/// Evaluation settings held once and shared by reference (immutable, so safe to share).
final class SharedSettings: Sendable {
    let settings: EvaluationSettings

    init(_ settings: EvaluationSettings) { self.settings = settings }
}

/// How an aggregator keeps one call's state per group in one ``Value`` (its cell) instead of a
/// whole ``AggregateAccumulator``: COUNT and COUNT(*) as `.integer(count)`, SUM as the total so
/// far, MIN, MAX, FIRST and LAST as the chosen value (NULL until one is added). The others keep a
/// full accumulator; their cell holds its index.
enum AggregateCellKind: Sendable, Equatable {
    case countRows, count, sum, min, max, first, last
    /// Any other function: the cell is `.integer(index)` of an ``AggregateAccumulator``.
    case accumulator

    init(_ function: AggregateFunction) {
        switch function {
        case .countRows: self = .countRows
        case .count: self = .count
        case .sum: self = .sum
        case .min: self = .min
        case .max: self = .max
        case .first: self = .first
        case .last: self = .last
        case .avg, .median, .stddev, .variance, .percentile: self = .accumulator
        }
    }

    /// The cell of a group that has no value yet.
    var emptyCell: Value {
        switch self {
        case .countRows, .count: .integer(0)
        default: .null
        }
    }
}

/// Adds to and reads the cells of ``AggregateCellKind``, with exactly the results of
/// ``AggregateAccumulator/add(_:filter:)`` and ``AggregateAccumulator/result()``.
enum AggregateCell {
    /// Adds one row's value to `cell`; `filter` is the row's filter condition, nil when there is none.
    @inline(__always)
    static func add(
        _ kind: AggregateCellKind, _ cell: inout Value, _ value: Value, filter: Value?, settings: EvaluationSettings
    ) throws(RowError) {
        if let filter, try ValueConversion.truth(filter) != true { return }
        if kind == .countRows {
            cell = increment(cell)
            return
        }
        guard !value.isNull else { return }
        switch kind {
        case .count, .countRows: cell = increment(cell)
        case .sum: try addToSum(&cell, value, highPrecision: settings.highPrecision)
        case .min, .max:
            if cell.isNull {
                cell = value
                return
            }
            let order = try Comparison.orderOfNonNull(value, cell, settings)
            if kind == .min ? order < 0 : order > 0 { cell = value }
        case .first: if cell.isNull { cell = value }
        case .last: cell = value
        case .accumulator: preconditionFailure("a full accumulator has no cell")
        }
    }

    /// The aggregate of a cell (an `.accumulator` cell is not read here).
    static func result(_ cell: Value) -> Value { cell }

    @inline(__always)
    private static func increment(_ cell: Value) -> Value {
        if case .integer(let count) = cell { return .integer(count &+ 1) }
        return .integer(1)
    }

    /// `total + value` as ``Arithmetic`` adds them; integers without its call when they do not overflow.
    @inline(__always)
    private static func addToSum(_ total: inout Value, _ value: Value, highPrecision: Bool) throws(RowError) {
        switch (total, value) {
        case (.null, _): total = value
        case (.integer(let a), .integer(let b)):
            let (sum, overflow) = a.addingReportingOverflow(b)
            if !overflow {
                total = .integer(sum)
                return
            }
            total = try Arithmetic.apply(.add, total, value, highPrecision: highPrecision)
        default: total = try Arithmetic.apply(.add, total, value, highPrecision: highPrecision)
        }
    }
}
