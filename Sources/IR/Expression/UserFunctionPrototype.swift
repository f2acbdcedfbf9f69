/// The signature of a user-defined function as its EXPRMACRO PROTOTYPE writes it (reference §1.11):
/// `NSTRING udf_name( INPUT_STR as string, N as small integer )`: the return type, the name, then
/// `argument as type` pairs in order.
public struct UserFunctionPrototype: Hashable, Sendable {
    /// One argument: its name and declared type.
    public struct Argument: Hashable, Sendable {
        /// The argument's name as written.
        public var name: String
        /// The declared type, for the type checker (string types without a precision get 0: unbounded).
        public var type: DataType
        /// The type argument values are converted to when bound, or nil to pass them unchanged
        /// (a `decimal` without precision and scale: converting would lose its fraction).
        public var bindingType: DataType?
    }

    /// The function's name as written.
    public var name: String
    /// The arguments, in call order.
    public var arguments: [Argument]
    /// The return type, if the prototype names one.
    public var returnType: DataType?

    /// The signature the type checker uses for `:UDF.name(...)` calls.
    public var signature: CallableSignature {
        CallableSignature(argumentTypes: arguments.map(\.type), returnType: returnType ?? .string(precision: 0))
    }

    /// Reads a prototype; nil when it is not `[type] name ( [arg as type, ...] )`.
    public init?(parsing text: String) {
        guard let close = text.lastIndex(of: ")"), let open = Self.matchingOpen(text, close) else { return nil }
        let head = text[..<open].split(whereSeparator: \.isWhitespace).map(String.init)
        guard let name = head.last, name.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "_" }) else { return nil }
        self.name = name
        let typeText = head.dropLast().joined(separator: " ")
        returnType = typeText.isEmpty ? nil : Self.type(typeText)?.type
        if !typeText.isEmpty, returnType == nil { return nil }
        arguments = []
        let inner = text[text.index(after: open)..<close]
        guard !inner.allSatisfy(\.isWhitespace) else { return }
        for part in Self.topLevelParts(inner) {
            guard let argument = Self.argument(part) else { return nil }
            arguments.append(argument)
        }
    }

    /// `name as type`.
    private static func argument(_ text: Substring) -> Argument? {
        let words = text.split(whereSeparator: \.isWhitespace).map(String.init)
        guard words.count >= 3, words[1].lowercased() == "as",
            let (type, binding) = type(words.dropFirst(2).joined(separator: " "))
        else { return nil }
        return Argument(name: words[0], type: type, bindingType: binding)
    }

    /// A PowerCenter type name, with or without `(precision[, scale])`; strings and binary without
    /// a precision are unbounded (precision 0).
    public static func type(_ text: String) -> (type: DataType, binding: DataType?)? {
        if let type = DataType(parsing: text) { return (type, type) }
        switch text.lowercased() {
        case "decimal", "number", "numeric": return (.decimal(precision: 28, scale: 9), nil)
        default: return DataType(transformationType: text, precision: 0, scale: 0).map { ($0, $0) }
        }
    }

    /// The `(` matching the `)` at `close` (a return type such as `string(10)` has its own pair).
    private static func matchingOpen(_ text: String, _ close: String.Index) -> String.Index? {
        var depth = 0
        var index = close
        while true {
            if text[index] == ")" { depth += 1 }
            if text[index] == "(" { depth -= 1 }
            if depth == 0 { return index }
            guard index > text.startIndex else { return nil }
            index = text.index(before: index)
        }
    }

    /// `text` split at the commas outside parentheses (`decimal(10,2)` stays whole).
    private static func topLevelParts(_ text: Substring) -> [Substring] {
        var parts: [Substring] = []
        var depth = 0
        var start = text.startIndex
        for index in text.indices {
            switch text[index] {
            case "(": depth += 1
            case ")": depth -= 1
            case "," where depth == 0:
                parts.append(text[start..<index])
                start = text.index(after: index)
            default: break
            }
        }
        parts.append(text[start...])
        return parts
    }
}
