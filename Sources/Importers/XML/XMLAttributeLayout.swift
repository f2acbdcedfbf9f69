/// A fixed set of attribute names that a translator reads from many elements of one kind (the
/// NAME, DATATYPE, PRECISION... of every TRANSFORMFIELD), each case standing for one name.
protocol XMLAttributeKey: CaseIterable, RawRepresentable where RawValue == Int, AllCases == [Self] {
    /// The attribute name the case stands for.
    var attributeName: String { get }
}

/// Reads the attributes of ``Key`` by position: the positions are resolved once per element shape
/// (siblings of one kind nearly always share it) instead of searching the names on every read.
///
/// Gives exactly what `element[attribute: key.attributeName]` gives: the position is the first
/// attribute of that name, found with the same `String` comparison.
struct XMLAttributeLayout<Key: XMLAttributeKey>: Sendable {
    /// The shape the positions belong to; held, so that its identity is not reused meanwhile.
    private var shape: XMLElementShape?
    /// Per key (by raw value): the attribute's position in `shape`, or -1 when absent.
    private var positions: [Int]

    /// Creates a layout bound to no shape yet.
    init() {
        positions = Array(repeating: -1, count: Key.allCases.count)
    }

    /// The value of attribute `key` of `element`, or nil when absent.
    @inline(__always)
    mutating func value(_ key: Key, of element: borrowing XMLElementNode) -> String? {
        if element.shape !== shape { bind(element.shape) }
        let position = positions[key.rawValue]
        return position < 0 ? nil : element.attributeValues[position]
    }

    /// The value of attribute `key`, or nil when it is absent or empty (like `nonEmpty`).
    @inline(__always)
    mutating func nonEmpty(_ key: Key, of element: borrowing XMLElementNode) -> String? {
        guard let value = value(key, of: element), !value.isEmpty else { return nil }
        return value
    }

    /// The value of attribute `key`, or "" when absent (like `value`).
    @inline(__always)
    mutating func text(_ key: Key, of element: borrowing XMLElementNode) -> String {
        value(key, of: element) ?? ""
    }

    private mutating func bind(_ newShape: XMLElementShape) {
        shape = newShape
        for key in Key.allCases { positions[key.rawValue] = newShape.position(of: key.attributeName) ?? -1 }
    }
}
