import IR

/// The values of one row of a sequence generator.
public struct SequenceValues: Hashable, Sendable {
    /// NEXTVAL.
    public var next: Int64
    /// CURRVAL: NEXTVAL + increment for the same row.
    public var current: Int64
}

/// Generates NEXTVAL and CURRVAL (reference §2.12).
///
/// NEXTVAL starts at `current` and steps by `increment`; CURRVAL is NEXTVAL + increment
/// (NEXTVAL 1, 2, 3 → CURRVAL 2, 3, 4). When the next value would pass `end`, a cycling sequence
/// returns to `start`; otherwise the row raises RT0023, which stops the run. Cached values
/// (gaps between runs) are not modelled.
public struct SequenceGenerator: Hashable, Sendable {
    /// The options.
    public let spec: SequenceSpec
    private var upcoming: Int64?

    /// Creates a generator at the spec's current value.
    public init(spec: SequenceSpec) {
        self.spec = spec
        self.upcoming = Int64(spec.current)
    }

    /// The values for the next row.
    public mutating func next() throws(RowError) -> SequenceValues {
        guard let value = upcoming, value <= Int64(spec.end) else {
            throw OperatorErrors.error(
                OperatorErrors.sequenceExhausted, "the sequence passed its end value \(spec.end) without cycle")
        }
        let (stepped, overflow) = value.addingReportingOverflow(Int64(spec.increment))
        if !overflow && stepped <= Int64(spec.end) {
            upcoming = stepped
        } else {
            upcoming = spec.cycle ? Int64(spec.start) : nil
        }
        return SequenceValues(next: value, current: overflow ? Int64.max : stepped)
    }

    /// The current value the repository keeps after the run: the next value to generate, or the
    /// original one when `reset` is set.
    public var persistedCurrent: Int64? {
        spec.reset ? Int64(spec.current) : upcoming
    }
}
