/// A `Decoder` over a ``YAMLSourceNode`` tree. Scalars are read strictly (a string must not look
/// like a number, boolean, date or null unless quoted; integers are canonical decimals), and every
/// mapping key read is recorded in the ``YAMLDecodingSession`` so unknown keys can be reported.
struct TreeDecoder: Decoder {
    let node: YAMLSourceNode
    let codingPath: [any CodingKey]
    let session: YAMLDecodingSession
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    func container<Key: CodingKey>(keyedBy type: Key.Type) throws -> KeyedDecodingContainer<Key> {
        guard let entries = node.entries else { throw shapeMismatch(Key.self, expected: "a mapping") }
        session.openMapping(at: codingPath, entries: entries, keyType: Key.self)
        return KeyedDecodingContainer(KeyedTreeDecodingContainer<Key>(decoder: self, entries: entries))
    }

    func unkeyedContainer() throws -> any UnkeyedDecodingContainer {
        guard case .sequence(let items) = node.content else { throw shapeMismatch([Any].self, expected: "a sequence") }
        return UnkeyedTreeDecodingContainer(items: items, codingPath: codingPath, session: session)
    }

    func singleValueContainer() throws -> any SingleValueDecodingContainer {
        SingleTreeDecodingContainer(decoder: self)
    }

    // MARK: Scalars

    /// The node's text as a string.
    func string() throws -> String {
        guard case .scalar(let text, let plain) = node.content else {
            throw shapeMismatch(String.self, expected: "a string")
        }
        if plain && YAMLPlainScalar.isNull(text) { throw null(String.self, expected: "a string") }
        if plain && YAMLPlainScalar.isAmbiguous(text) {
            throw scalarMismatch(
                String.self,
                "expected a string\(field), found '\(text)', which YAML may read as a number, boolean, date or null; quote it"
            )
        }
        return text
    }

    /// The node as `true` or `false`.
    func bool() throws -> Bool {
        let text = try plainScalar(Bool.self, expected: "true or false")
        guard let value = YAMLPlainScalar.bool(text) else {
            throw scalarMismatch(Bool.self, "expected true or false\(field), found \(node.summary)")
        }
        return value
    }

    /// The node as a canonical decimal integer that fits `T`.
    func integer<T: FixedWidthInteger>(_ type: T.Type) throws -> T {
        let text = try plainScalar(T.self, expected: "an integer")
        guard let wide = YAMLPlainScalar.integer(text) else {
            throw scalarMismatch(T.self, "expected a decimal integer\(field), found \(node.summary)")
        }
        guard let value = T(exactly: wide) else {
            throw scalarMismatch(T.self, "integer \(text)\(field) is out of range")
        }
        return value
    }

    /// The node as a number.
    func double() throws -> Double {
        let text = try plainScalar(Double.self, expected: "a number")
        guard let value = YAMLPlainScalar.double(text) else {
            throw scalarMismatch(Double.self, "expected a number\(field), found \(node.summary)")
        }
        return value
    }

    /// Whether the node is null.
    var isNull: Bool { node.isNull }

    private func plainScalar(_ type: Any.Type, expected: String) throws -> String {
        guard case .scalar(let text, let plain) = node.content else { throw shapeMismatch(type, expected: expected) }
        if plain && YAMLPlainScalar.isNull(text) { throw null(type, expected: expected) }
        guard plain else {
            throw scalarMismatch(type, "expected \(expected)\(field), found the quoted string \(node.summary)")
        }
        return text
    }

    // MARK: Errors

    /// ` for 'key'` naming the field being decoded, or an empty string.
    var field: String { YAMLDecodingSession.fieldPhrase(codingPath) }

    func shapeMismatch(_ type: Any.Type, expected: String) -> DecodingError {
        .typeMismatch(
            type,
            .init(
                codingPath: codingPath, debugDescription: "expected \(expected)\(field), found \(node.summary)",
                underlyingError: DecodingProblem.wrongShape))
    }

    func scalarMismatch(_ type: Any.Type, _ message: String) -> DecodingError {
        .typeMismatch(
            type,
            .init(codingPath: codingPath, debugDescription: message, underlyingError: DecodingProblem.invalidScalar))
    }

    func null(_ type: Any.Type, expected: String) -> DecodingError {
        .valueNotFound(
            type, .init(codingPath: codingPath, debugDescription: "expected \(expected)\(field), found null"))
    }
}

/// Marks the kind of a `typeMismatch` this decoder throws, so it maps to the right code.
enum DecodingProblem: Error {
    case wrongShape
    case invalidScalar
}

/// A coding key for paths: a mapping key or a sequence index.
struct PathKey: CodingKey {
    var stringValue: String
    var intValue: Int?

    init(stringValue: String) {
        self.stringValue = stringValue
        intValue = nil
    }

    init(intValue: Int) {
        stringValue = "\(intValue)"
        self.intValue = intValue
    }
}

struct SingleTreeDecodingContainer: SingleValueDecodingContainer {
    let decoder: TreeDecoder
    var codingPath: [any CodingKey] { decoder.codingPath }

    func decodeNil() -> Bool { decoder.isNull }
    func decode(_ type: Bool.Type) throws -> Bool { try decoder.bool() }
    func decode(_ type: String.Type) throws -> String { try decoder.string() }
    func decode(_ type: Double.Type) throws -> Double { try decoder.double() }
    func decode(_ type: Float.Type) throws -> Float { Float(try decoder.double()) }
    func decode(_ type: Int.Type) throws -> Int { try decoder.integer(type) }
    func decode(_ type: Int8.Type) throws -> Int8 { try decoder.integer(type) }
    func decode(_ type: Int16.Type) throws -> Int16 { try decoder.integer(type) }
    func decode(_ type: Int32.Type) throws -> Int32 { try decoder.integer(type) }
    func decode(_ type: Int64.Type) throws -> Int64 { try decoder.integer(type) }
    func decode(_ type: UInt.Type) throws -> UInt { try decoder.integer(type) }
    func decode(_ type: UInt8.Type) throws -> UInt8 { try decoder.integer(type) }
    func decode(_ type: UInt16.Type) throws -> UInt16 { try decoder.integer(type) }
    func decode(_ type: UInt32.Type) throws -> UInt32 { try decoder.integer(type) }
    func decode(_ type: UInt64.Type) throws -> UInt64 { try decoder.integer(type) }

    func decode<T: Decodable>(_ type: T.Type) throws -> T {
        try decoder.session.decodeValue(type, from: decoder.node, at: decoder.codingPath)
    }
}
