/// An `Encoder` that turns any `Encodable` into an ordered ``YAMLValue`` tree: mapping keys in the
/// order the type's `encode(to:)` writes them, sequences in order. It never fails.
struct YAMLTreeEncoder {
    /// The tree of `value`.
    static func tree(of value: some Encodable) throws -> YAMLValue {
        let box = EncodingBox()
        try value.encode(to: TreeEncoder(box: box, codingPath: []))
        return box.value
    }
}

/// A node being filled by an encoder; a class so that containers can keep writing into it.
final class EncodingBox {
    enum Content {
        case unset
        case scalar(YAMLValue)
        case mapping(keys: [String], values: [String: EncodingBox])
        case sequence([EncodingBox])
    }

    var content: Content = .unset

    /// The finished value (an encoder that wrote nothing gives an empty mapping).
    var value: YAMLValue {
        switch content {
        case .unset: .mapping([])
        case .scalar(let scalar): scalar
        case .mapping(let keys, let values): .mapping(keys.map { YAMLEntry(key: $0, value: values[$0]!.value) })
        case .sequence(let boxes): .sequence(boxes.map(\.value))
        }
    }

    /// The child box for `key`, created at the end of the mapping on first use.
    func child(forKey key: String) -> EncodingBox {
        var (keys, values): ([String], [String: EncodingBox]) = ([], [:])
        if case .mapping(let k, let v) = content { (keys, values) = (k, v) }
        if let existing = values[key] { return existing }
        let box = EncodingBox()
        keys.append(key)
        values[key] = box
        content = .mapping(keys: keys, values: values)
        return box
    }

    /// A new child box at the end of the sequence.
    func appendChild() -> EncodingBox {
        var boxes: [EncodingBox] = []
        if case .sequence(let existing) = content { boxes = existing }
        let box = EncodingBox()
        boxes.append(box)
        content = .sequence(boxes)
        return box
    }

    /// Makes the box a mapping if nothing was written yet.
    func becomeMapping() {
        if case .unset = content { content = .mapping(keys: [], values: [:]) }
    }

    /// Makes the box a sequence if nothing was written yet.
    func becomeSequence() {
        if case .unset = content { content = .sequence([]) }
    }
}

/// The scalar tree value of a primitive.
enum PrimitiveValue {
    static func of(_ value: some Encodable) -> YAMLValue? {
        switch value {
        case let v as String: .string(v)
        case let v as Bool: .bool(v)
        case let v as Double: .number(YAMLNumberFormat.text(v))
        case let v as Float: .number(YAMLNumberFormat.text(Double(v)))
        case let v as Int: .number(YAMLNumberFormat.text(v))
        case let v as Int8: .number(YAMLNumberFormat.text(v))
        case let v as Int16: .number(YAMLNumberFormat.text(v))
        case let v as Int32: .number(YAMLNumberFormat.text(v))
        case let v as Int64: .number(YAMLNumberFormat.text(v))
        case let v as UInt: .number(YAMLNumberFormat.text(v))
        case let v as UInt8: .number(YAMLNumberFormat.text(v))
        case let v as UInt16: .number(YAMLNumberFormat.text(v))
        case let v as UInt32: .number(YAMLNumberFormat.text(v))
        case let v as UInt64: .number(YAMLNumberFormat.text(v))
        default: nil
        }
    }
}

/// Writes `value` into `box`: primitives directly, everything else through its `encode(to:)`.
func encodeValue(_ value: some Encodable, into box: EncodingBox, codingPath: [any CodingKey]) throws {
    if let scalar = PrimitiveValue.of(value) {
        box.content = .scalar(scalar)
    } else {
        try value.encode(to: TreeEncoder(box: box, codingPath: codingPath))
    }
}

struct TreeEncoder: Encoder {
    let box: EncodingBox
    let codingPath: [any CodingKey]
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
        box.becomeMapping()
        return KeyedEncodingContainer(KeyedTreeContainer<Key>(box: box, codingPath: codingPath))
    }

    func unkeyedContainer() -> any UnkeyedEncodingContainer {
        box.becomeSequence()
        return UnkeyedTreeContainer(box: box, codingPath: codingPath)
    }

    func singleValueContainer() -> any SingleValueEncodingContainer {
        SingleTreeContainer(box: box, codingPath: codingPath)
    }
}

struct KeyedTreeContainer<Key: CodingKey>: KeyedEncodingContainerProtocol {
    let box: EncodingBox
    let codingPath: [any CodingKey]

    mutating func encodeNil(forKey key: Key) throws { box.child(forKey: key.stringValue).content = .scalar(.null) }

    mutating func encode<T: Encodable>(_ value: T, forKey key: Key) throws {
        try encodeValue(value, into: box.child(forKey: key.stringValue), codingPath: codingPath + [key])
    }

    mutating func nestedContainer<NestedKey: CodingKey>(
        keyedBy keyType: NestedKey.Type, forKey key: Key
    ) -> KeyedEncodingContainer<NestedKey> {
        let child = box.child(forKey: key.stringValue)
        child.becomeMapping()
        return KeyedEncodingContainer(KeyedTreeContainer<NestedKey>(box: child, codingPath: codingPath + [key]))
    }

    mutating func nestedUnkeyedContainer(forKey key: Key) -> any UnkeyedEncodingContainer {
        let child = box.child(forKey: key.stringValue)
        child.becomeSequence()
        return UnkeyedTreeContainer(box: child, codingPath: codingPath + [key])
    }

    mutating func superEncoder() -> any Encoder {
        TreeEncoder(box: box.child(forKey: "super"), codingPath: codingPath)
    }

    mutating func superEncoder(forKey key: Key) -> any Encoder {
        TreeEncoder(box: box.child(forKey: key.stringValue), codingPath: codingPath + [key])
    }
}

struct UnkeyedTreeContainer: UnkeyedEncodingContainer {
    let box: EncodingBox
    let codingPath: [any CodingKey]
    var count: Int {
        if case .sequence(let boxes) = box.content { return boxes.count }
        return 0
    }

    mutating func encodeNil() throws { box.appendChild().content = .scalar(.null) }

    mutating func encode<T: Encodable>(_ value: T) throws {
        try encodeValue(value, into: box.appendChild(), codingPath: codingPath)
    }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type) -> KeyedEncodingContainer<
        NestedKey
    > {
        let child = box.appendChild()
        child.becomeMapping()
        return KeyedEncodingContainer(KeyedTreeContainer<NestedKey>(box: child, codingPath: codingPath))
    }

    mutating func nestedUnkeyedContainer() -> any UnkeyedEncodingContainer {
        let child = box.appendChild()
        child.becomeSequence()
        return UnkeyedTreeContainer(box: child, codingPath: codingPath)
    }

    mutating func superEncoder() -> any Encoder { TreeEncoder(box: box.appendChild(), codingPath: codingPath) }
}

struct SingleTreeContainer: SingleValueEncodingContainer {
    let box: EncodingBox
    let codingPath: [any CodingKey]

    mutating func encodeNil() throws { box.content = .scalar(.null) }

    mutating func encode<T: Encodable>(_ value: T) throws {
        try encodeValue(value, into: box, codingPath: codingPath)
    }
}
