import IR
import Testing

@testable import Runtime

/// Helpers for the operator tests: values, row sets and compiled expressions.
enum OperatorHarness {
    static let settings = EvalHarness.settings()

    /// An integer value, or NULL for nil.
    static func int(_ value: Int64?) -> Value { value.map(Value.integer) ?? .null }

    /// A string value, or NULL for nil.
    static func text(_ value: String?) -> Value { value.map(Value.string) ?? .null }

    /// A one-column row set of integers.
    static func column(_ name: String, _ values: [Int64?]) -> RowSet {
        RowSet(columns: [name], rows: values.map { [int($0)] })
    }

    /// `text` compiled against integer columns `columns` (in slot order).
    static func expression(_ text: String, integerColumns columns: [String]) throws -> CompiledExpression {
        let (compiled, diagnostics) = EvalHarness.compile(text, ports: columns.map { ($0, DataType.integer) })
        #expect(!diagnostics.hasErrors, "\(diagnostics.map(\.description))")
        return try #require(compiled)
    }

    /// The error code `body` raises, or nil.
    static func errorCode(_ body: () throws -> Void) -> String? {
        do {
            try body()
            return nil
        } catch {
            return (error as? RowError)?.code ?? "\(error)"
        }
    }
}
