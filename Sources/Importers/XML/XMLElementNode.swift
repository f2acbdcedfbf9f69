/// One attribute of an XML element, decoded (entities and character references resolved).
public struct XMLAttribute: Hashable, Sendable {
    /// The attribute's name.
    public var name: String
    /// The attribute's decoded value.
    public var value: String

    /// Creates an attribute.
    public init(name: String, value: String) {
        self.name = name
        self.value = value
    }
}

/// The name and attribute names of an element, shared by every element of the same "shape".
///
/// Exports repeat a few shapes hundreds of thousands of times (every TRANSFORMFIELD has the same
/// attribute names in the same order), so the reader builds each shape once and elements keep only
/// their attribute values. Immutable once built.
final class XMLElementShape: Sendable {
    /// The element name.
    let name: String
    /// The attribute names in document order.
    let attributeNames: [String]

    /// Creates a shape.
    init(name: String, attributeNames: [String]) {
        self.name = name
        self.attributeNames = attributeNames
    }

    /// The position of attribute `name`, if the shape has it.
    @inline(__always)
    func position(of name: String) -> Int? {
        attributeNames.firstIndex(of: name)
    }
}

/// An element of a parsed export: a light tree the vendor importers walk.
///
/// Produced by ``HardenedXMLReader``; positions are 1-based and point at the element's start tag.
/// Stored compactly: the name and attribute names live in a shared shape, the element keeps the
/// attribute values, its text, its position (32 bits each) and its children.
public struct XMLElementNode: Hashable, Sendable {
    /// The shared name and attribute names.
    private(set) var shape: XMLElementShape
    /// The attribute values, in the order of `shape.attributeNames`.
    private(set) var attributeValues: [String]
    /// The concatenated character data directly inside the element, when it is not only white space.
    public var text: String?
    private var storedLine: Int32
    private var storedColumn: Int32
    /// The child elements in document order.
    public var children: [XMLElementNode]

    /// Creates an element.
    public init(
        name: String, attributes: [XMLAttribute] = [], text: String? = nil, line: Int, column: Int = 0,
        children: [XMLElementNode] = []
    ) {
        self.init(
            shape: XMLElementShape(name: name, attributeNames: attributes.map(\.name)),
            attributeValues: attributes.map(\.value), text: text, line: line, column: column, children: children)
    }

    /// Creates an element of a shared shape (used by the reader).
    init(
        shape: XMLElementShape, attributeValues: [String], text: String?, line: Int, column: Int,
        children: [XMLElementNode]
    ) {
        self.shape = shape
        self.attributeValues = attributeValues
        self.text = text
        storedLine = Int32(clamping: line)
        storedColumn = Int32(clamping: column)
        self.children = children
    }

    /// The element name (`TRANSFORMATION`).
    public var name: String {
        get { shape.name }
        set { shape = XMLElementShape(name: newValue, attributeNames: shape.attributeNames) }
    }

    /// The attributes in document order.
    public var attributes: [XMLAttribute] {
        get {
            zip(shape.attributeNames, attributeValues).map { XMLAttribute(name: $0.0, value: $0.1) }
        }
        set {
            shape = XMLElementShape(name: shape.name, attributeNames: newValue.map(\.name))
            attributeValues = newValue.map(\.value)
        }
    }

    /// The attribute names in document order (shared between elements; no copy is made).
    var attributeNames: [String] { shape.attributeNames }

    /// 1-based line of the start tag.
    public var line: Int {
        get { Int(storedLine) }
        set { storedLine = Int32(clamping: newValue) }
    }

    /// 1-based column of the start tag (0 when unknown).
    public var column: Int {
        get { Int(storedColumn) }
        set { storedColumn = Int32(clamping: newValue) }
    }

    /// The value of the attribute `name`, or nil when absent.
    public subscript(attribute name: String) -> String? {
        shape.position(of: name).map { attributeValues[$0] }
    }

    /// The children named `name`.
    public func children(named name: String) -> [XMLElementNode] {
        children.filter { $0.name == name }
    }

    /// Compares names, attributes, text, positions and children.
    public static func == (a: XMLElementNode, b: XMLElementNode) -> Bool {
        a.storedLine == b.storedLine && a.storedColumn == b.storedColumn && a.text == b.text
            && (a.shape === b.shape
                || (a.shape.name == b.shape.name && a.shape.attributeNames == b.shape.attributeNames))
            && a.attributeValues == b.attributeValues && a.children == b.children
    }

    /// Hashes what ``==`` compares.
    public func hash(into hasher: inout Hasher) {
        hasher.combine(shape.name)
        hasher.combine(shape.attributeNames)
        hasher.combine(attributeValues)
        hasher.combine(text)
        hasher.combine(storedLine)
        hasher.combine(storedColumn)
        hasher.combine(children)
    }
}
