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
    /// `||` and CONCAT with both operands NULL give NULL (the default, G2 / §3.4.1 BELIEVED for
    /// both-null); false gives '' (every NULL operand read as empty).
    public var concatOfTwoNullsIsNull: Bool = true
    /// IIF without an else branch gives the type's zero value when the condition fails: 0, '',
    /// NULL for dates (the default, §3.4.6 BELIEVED); false gives NULL for every type.
    public var iifOmittedElseIsZero: Bool = true
    /// SETCOUNTVARIABLE leaves the count unchanged on delete rows (the default, G18: variable
    /// functions act only on insert rows); true subtracts 1 per delete row (§3.4.8 BELIEVED, a
    /// CONFLICT with G18).
    public var setCountVariableSubtractsOnDelete: Bool = false
    /// TO_DECIMAL on a decimal input truncates the extra fractional digits (the default, 10.5.x
    /// behaviour, §3.4.2 [S22]); false rounds them like a string input (the pre-10.5.x reading).
    public var toDecimalTruncatesDecimalInput: Bool = true
    /// MOD and `%` take the sign of the dividend, MOD(-7, 3) = -1 (the default, §3.4.4 BELIEVED,
    /// Oracle-like); false takes the divisor's sign (floored modulus), MOD(-7, 3) = 2.
    public var modTakesDividendSign: Bool = true
    /// Two-digit `RR` years use the century window around ``currentYear`` (the default, §4.3
    /// BELIEVED Oracle-like rule); false reads `RR` like `YY` (the current century).
    public var rrUsesCenturyWindow: Bool = true
    /// Trailing blanks are significant when strings compare, `'A ' <> 'A'` (the default, G8 and
    /// §3.2 BELIEVED for `=`); false ignores trailing blanks (the SQL CHAR padded comparison).
    public var trailingBlanksSignificant: Bool = true
    /// A Sequence Generator whose NEXTVAL no port reads gives one constant CURRVAL, the first
    /// value's (Current Value + Increment) (the default, §2.12 [S31c] "a constant", which value
    /// BELIEVED); false advances CURRVAL per row as if NEXTVAL were read.
    public var currvalAloneIsConstant: Bool = true
    /// The first generated key (GK) a Normalizer gives in a run when its key port has no stored
    /// `SEQUENCE_GENERATOR_VALUE` (the default 1, §2.11 BELIEVED).
    public var normalizerFirstKey: Int64 = 1
    /// A mapping parameter or variable with no value (no parameter file entry, no default) starts
    /// at its datatype's initial value, 0, '' or 1753-01-01 (the default, BELIEVED); false starts
    /// it NULL.
    public var valuelessParameterIsInitialValue: Bool = true
    /// A lookup set to "Use Any Value" returns, of several matches, the one "Use First Value" would
    /// (the lowest in cache order) (the default). PowerCenter promises only some matching row: the
    /// first it reads, which depends on the order the database returns them (§2.6 "deterministic
    /// only per run"); this choice is one of those rows, the same on every run and in push-down SQL.
    /// false takes the first row read, as the Integration Service does.
    public var anyLookupValueIsFirstInCacheOrder: Bool = true
    /// A connected lookup that finds no row gives each lookup port its default value when the port
    /// has one (§2.6 "NULL (or their DEFAULTVALUE if set)", BELIEVED; the default); false gives NULL.
    public var lookupDefaultOnNoMatch: Bool = true
    /// A flat-file target cuts a string longer than its field's precision to it, in a delimited file
    /// too (§2.20 "truncated (flat file)", BELIEVED; the default); false writes it whole.
    public var flatFileTargetsCutLongStrings: Bool = true
    /// An Aggregator without sorted input emits its groups ascending by the group-by ports, in
    /// port order (NULL first, strings by code point, dates chronologically), as PowerCenter's
    /// aggregate cache is believed to (§2.4 "in practice ascending by group key", BELIEVED; the
    /// default). false emits them in the order their first rows arrived. With sorted input the
    /// groups are always emitted in arrival order, as each closes when the key changes.
    public var aggregatorEmitsGroupsInKeyOrder: Bool = true
    /// TO_DATE / IS_DATE / implicit string→date parsing options; the default requires the format's
    /// separators to match exactly (§3.4.2 "must match exactly", [S27] CONFLICT).
    public var dateParseOptions: DateFormat.ParseOptions = DateFormat.ParseOptions()

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
