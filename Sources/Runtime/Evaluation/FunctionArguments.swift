import Foundation
import IR

/// Reading function arguments as the types functions want (conversions per §3.3).
struct FunctionArguments: Sendable {
    let settings: EvaluationSettings
    let function: String

    init(_ request: FunctionRequest) {
        settings = request.settings
        function = request.name
    }

    /// A non-NULL argument as text (numbers and dates converted).
    func text(_ value: Value) throws(RowError) -> String {
        try ValueConversion.text(value, settings) ?? ""
    }

    /// An argument as a whole number, rounded half away from zero (a decimal length or position is
    /// rounded, reference §3.4.1 SUBSTR).
    func whole(_ value: Value) throws(RowError) -> Int {
        let whole = try ValueConversion.wholeNumber(value, context: function) ?? 0
        return Int(clamping: whole)
    }

    /// An argument as a double.
    func double(_ value: Value) throws(RowError) -> Double {
        try ValueConversion.double(value, context: function) ?? 0
    }

    /// An argument as a flag: NULL and zero are false (REPLACECHR's CaseFlag, TO_INTEGER's flag).
    func flag(_ value: Value) throws(RowError) -> Bool {
        try ValueConversion.truth(value) ?? false
    }

    /// A row error saying the argument is outside the function's domain.
    func invalid(_ message: String) -> RowError {
        EvaluationErrors.error(EvaluationErrors.invalidArgument, "\(function): \(message)")
    }

    /// `count` when a string of that many characters fits PowerCenter's largest string; else a row
    /// error (chosen: what PowerCenter does with a longer result is not documented; computing it
    /// would take gigabytes, as `RPAD('', 2147483647)` did before).
    func fittingString(_ count: Int) throws(RowError) -> Int {
        guard count <= DataType.largestStringPrecision else {
            throw invalid("a result of \(count) characters is longer than the largest string, 104,857,600 characters")
        }
        return count
    }
}

extension String {
    /// The string's Unicode scalars, the unit of positions and lengths in string functions (chosen:
    /// PowerCenter counts characters in Unicode mode).
    var scalarArray: [Unicode.Scalar] { Array(unicodeScalars) }

    /// A string from scalars.
    init(scalars: some Sequence<Unicode.Scalar>) {
        var view = String.UnicodeScalarView()
        view.append(contentsOf: scalars)
        self = String(view)
    }
}
