import Foundation

/// The values of literals, named constants and built-in variables.
enum Literals {
    /// A numeric literal: integer when it has no point and fits 64 bits, double with an exponent,
    /// otherwise decimal (a double when high precision is off, reference §3.3).
    static func number(_ text: String, _ settings: EvaluationSettings) -> Value {
        let hasExponent = text.contains { $0 == "e" || $0 == "E" }
        if !hasExponent, !text.contains("."), let whole = Int64(text) { return .integer(whole) }
        if hasExponent || !settings.highPrecision { return .double(Double(text) ?? 0) }
        return .decimal(Decimal(string: text, locale: Locale(identifier: "en_US_POSIX")) ?? 0)
    }

    /// DD_* update strategy codes (0–3) and TC_* transaction codes (0–4).
    static func namedConstant(_ name: String) -> Int64 {
        switch name.uppercased() {
        case "DD_INSERT", "TC_CONTINUE_TRANSACTION": 0
        case "DD_UPDATE", "TC_COMMIT_BEFORE": 1
        case "DD_DELETE", "TC_COMMIT_AFTER": 2
        case "DD_REJECT", "TC_ROLLBACK_BEFORE": 3
        case "TC_ROLLBACK_AFTER": 4
        default: 0
        }
    }

    /// SYSDATE and SYSTIMESTAMP read the settings' clock; SESSSTARTTIME and WORKFLOWSTARTTIME the
    /// session start (the workflow start is not known separately, chosen); `$$$SessStartTime` is
    /// the session start as text in the session format.
    static func builtin(_ name: String, _ settings: EvaluationSettings) -> Value {
        switch name.uppercased() {
        case "SYSDATE", "SYSTIMESTAMP": .dateTime(settings.now)
        case "$$$SESSSTARTTIME":
            .string(DateBridge.format(settings.sessionStart, settings.dateTimeFormat, settings))
        default: .dateTime(settings.sessionStart)
        }
    }
}
