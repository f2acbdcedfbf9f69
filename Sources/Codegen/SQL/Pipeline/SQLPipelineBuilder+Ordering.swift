import IR

extension SQLPipelineBuilder {
    /// `value`, of a port of `type`, as the runtime orders it (in `ORDER BY`, `MIN`, `MAX`): strings
    /// by Unicode code point (``SQLDialect/codePointOrdering(_:)``); decimals by number, which in a
    /// dialect that stores them as text (SQLite) means as the doubles PowerCenter holds them as
    /// without high precision; nil when the dialect cannot order the value so (with high precision
    /// such decimals are exact in PowerCenter and inexact as doubles).
    func runtimeOrder(_ value: SQLExpression, _ type: DataType) -> SQLExpression? {
        if type.isString { return dialect.codePointOrdering(value) }
        guard case .decimal = type, !dialect.hasExactDecimals else { return value }
        return context.lowering.options.highPrecision ? nil : .cast(value, .double)
    }
}
