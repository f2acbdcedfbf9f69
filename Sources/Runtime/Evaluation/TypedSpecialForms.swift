import Foundation
import IR

/// IIF and DECODE over typed conditions and constant searches (TypedEvaluators.swift): the same
/// results and row errors as the general forms in SpecialFunctions.swift, with constant results
/// converted once when compiling.
enum TypedSpecialForms {
    /// A branch of IIF or DECODE: its constant already converted to the call's type, or its
    /// evaluator. A class, so that the row loop reads it by reference instead of copying its fields.
    final class Branch: Sendable {
        let constant: Value?
        let eval: Evaluator
        let type: DataType?
        let settings: EvaluationSettings

        init(_ piece: Piece, type: DataType?, _ settings: EvaluationSettings) {
            constant = piece.constant.flatMap { try? ResultCoercion.coerce($0, to: type, settings) }
            eval = piece.eval
            self.type = type
            self.settings = settings
        }

        @inline(__always)
        func value(_ row: inout [Value], _ state: inout EvaluationState) throws(RowError) -> Value {
            if let constant { return constant }
            return try ResultCoercion.coerce(try eval(&row, &state), to: type, settings)
        }
    }

    /// IIF with a typed condition; on `.generic` the condition's generic value decides, as before.
    static func iif(
        _ truth: @escaping TruthEvaluator, condition: @escaping Evaluator, then: Piece, otherwise: Piece?,
        zero: Value, type: DataType?, _ settings: EvaluationSettings
    ) -> FunctionImpl {
        let yes = Branch(then, type: type, settings)
        let no = otherwise.map { Branch($0, type: type, settings) }
        return .special { row, state throws(RowError) in
            let holds: Bool
            switch try truth(&row, &state) {
            case .value(let v): holds = v
            case .null: holds = false
            case .generic: holds = try ValueConversion.truth(try condition(&row, &state)) == true
            }
            if holds { return try yes.value(&row, &state) }
            guard let no else { return zero }
            return try no.value(&row, &state)
        }
    }

    /// DECODE(TRUE, condition, result, ...) with typed conditions, or DECODE(value, 'text', result,
    /// ...) with constant string searches; nil for any other shape.
    static func decode(_ r: FunctionRequest, type: DataType?) -> FunctionImpl? {
        guard r.specialised else { return nil }
        let pairs = (r.count - 1) / 2
        let results = (0..<pairs).map { Branch(r.arguments[2 + 2 * $0], type: type, r.settings) }
        let fallback = (r.count - 1) % 2 == 1 ? Branch(r.arguments[r.count - 1], type: type, r.settings) : nil
        let searches = (0..<pairs).map { r.arguments[1 + 2 * $0] }
        if case .integer(1)? = r.arguments[0].constant {
            let conditions = searches.compactMap(\.truth)
            guard conditions.count == pairs else { return nil }
            return decodeConditions(conditions, searches.map(\.eval), results, fallback, r.settings)
        }
        var texts: [String] = []
        for search in searches {
            guard case .string(let text)? = search.constant else { return nil }
            texts.append(text)
        }
        // Byte equality is `=` only while trailing blanks are significant (G8 switch).
        guard r.settings.trailingBlanksSignificant else { return nil }
        return decodeTexts(r.arguments[0].eval, texts, results, fallback, r.settings)
    }

    /// A condition matches TRUE when it is 1: NULL and 0 do not (G4).
    private static func decodeConditions(
        _ conditions: [TruthEvaluator], _ generic: [Evaluator], _ results: [Branch], _ fallback: Branch?,
        _ settings: EvaluationSettings
    ) -> FunctionImpl {
        .special { row, state throws(RowError) in
            for i in 0..<conditions.count {
                let matches: Bool
                switch try conditions[i](&row, &state) {
                case .value(let v): matches = v
                case .null: matches = false
                case .generic:
                    matches = try Comparison.decodeMatches(.integer(1), try generic[i](&row, &state), settings)
                }
                if matches { return try results[i].value(&row, &state) }
            }
            guard let fallback else { return .null }
            return try fallback.value(&row, &state)
        }
    }

    /// A string value matches a constant string when their UTF-8 bytes are equal; other values go
    /// through ``Comparison/decodeMatches(_:_:_:)``.
    private static func decodeTexts(
        _ subject: @escaping Evaluator, _ texts: [String], _ results: [Branch], _ fallback: Branch?,
        _ settings: EvaluationSettings
    ) -> FunctionImpl {
        .special { row, state throws(RowError) in
            let value = try subject(&row, &state)
            if case .string(let s) = value {
                for i in 0..<texts.count where Comparison.sameBytes(s, texts[i]) {
                    return try results[i].value(&row, &state)
                }
            } else {
                for i in 0..<texts.count where try Comparison.decodeMatches(value, .string(texts[i]), settings) {
                    return try results[i].value(&row, &state)
                }
            }
            guard let fallback else { return .null }
            return try fallback.value(&row, &state)
        }
    }
}

extension Comparison {
    /// Whether two strings have the same UTF-8 bytes (``binaryOrder(_:_:)`` is 0).
    static func sameBytes(_ x: String, _ y: String) -> Bool {
        guard x.utf8.count == y.utf8.count else { return false }
        var x = x
        var y = y
        return x.withUTF8 { a in
            y.withUTF8 { b in
                guard let p = a.baseAddress, let q = b.baseAddress else { return true }
                return memcmp(p, q, a.count) == 0
            }
        }
    }
}
