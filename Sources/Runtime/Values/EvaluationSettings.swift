/// Session-level settings that change what expressions compute (reference §0, §3.3, §4.3).
///
/// Where the reference marks a behaviour BELIEVED or CONFLICT, the default here is the documented
/// one and the alternative is a switch, so a migration can match the estate it comes from.
public struct EvaluationSettings: Hashable, Sendable {
    /// The session's "DateTime Format String", used by implicit string↔date conversion and by
    /// TO_DATE/TO_CHAR without a format (G16: `MM/DD/YYYY HH24:MI:SS.US` in 10.x).
    public var dateTimeFormat: String
    /// The session's "Enable high precision": decimals keep 28 digits (true) or compute as double (false).
    public var highPrecision: Bool
    /// The session start time (SESSSTARTTIME), constant for the run.
    public var sessionStart: DateTimeValue
    /// The current time (SYSDATE); tests fix it, the runtime reads the clock.
    public var now: DateTimeValue
    /// How NULL compares in `<`, `=`, ... (IS option TreatNullInComparisonOperatorsAs; default NULL).
    public var nullComparison: NullComparison
    /// The year that two-digit `RR` years are read relative to (the current year by default).
    public var currentYear: Int
    /// How DATE_DIFF counts fractional months and years. CONFLICT: the reference's prose ([S24],
    /// case 28) reads as per-calendar-month fractions, while the numeric examples of the same
    /// PowerCenter page (as recalled, not in the reference) fit the day-of-month difference; the
    /// default is the latter, the switch selects the former (see ``DateDiffMonthRule``).
    public var dateDiffMonthRule: DateDiffMonthRule = .dayOfMonthDifference
    /// REG_MATCH is TRUE only when the whole subject matches (the default, reference §3.4.1
    /// CONFLICT); false makes it TRUE when the pattern matches anywhere.
    public var regMatchRequiresFullMatch: Bool = true

    /// The IS option TreatNullInComparisonOperatorsAs.
    public enum NullComparison: String, Hashable, Sendable {
        /// A comparison with NULL is NULL (the default).
        case null
        /// NULL is greater than any value.
        case high
        /// NULL is less than any value.
        case low
    }

    /// Creates settings.
    public init(
        dateTimeFormat: String = "MM/DD/YYYY HH24:MI:SS.US", highPrecision: Bool = false,
        sessionStart: DateTimeValue, now: DateTimeValue, nullComparison: NullComparison = .null,
        currentYear: Int
    ) {
        self.dateTimeFormat = dateTimeFormat
        self.highPrecision = highPrecision
        self.sessionStart = sessionStart
        self.now = now
        self.nullComparison = nullComparison
        self.currentYear = currentYear
    }
}
