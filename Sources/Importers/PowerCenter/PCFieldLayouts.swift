import IR

/// The attributes of TRANSFORMFIELD, SOURCEFIELD and TARGETFIELD elements the port readers read
/// by position (see ``XMLAttributeLayout``): exports have hundreds of thousands of fields but a
/// handful of field shapes.
enum PCFieldAttribute: Int, XMLAttributeKey {
    case name, dataType, precision, scale, portType, defaultValue, expression, description, group, nullable, keyType

    /// The XML attribute name.
    var attributeName: String {
        switch self {
        case .name: "NAME"
        case .dataType: "DATATYPE"
        case .precision: "PRECISION"
        case .scale: "SCALE"
        case .portType: "PORTTYPE"
        case .defaultValue: "DEFAULTVALUE"
        case .expression: "EXPRESSION"
        case .description: "DESCRIPTION"
        case .group: "GROUP"
        case .nullable: "NULLABLE"
        case .keyType: "KEYTYPE"
        }
    }
}

/// The attributes of a CONNECTOR, read by position.
enum PCConnectorAttribute: Int, XMLAttributeKey {
    case fromInstance, fromField, fromInstanceType, toInstance, toField, toInstanceType

    /// The XML attribute name.
    var attributeName: String {
        switch self {
        case .fromInstance: "FROMINSTANCE"
        case .fromField: "FROMFIELD"
        case .fromInstanceType: "FROMINSTANCETYPE"
        case .toInstance: "TOINSTANCE"
        case .toField: "TOFIELD"
        case .toInstanceType: "TOINSTANCETYPE"
        }
    }
}

/// Remembers `DataType(transformationType:precision:scale:)` for the few datatype, precision and
/// scale combinations an export repeats on every field (a pure function of its arguments).
struct PCDataTypeMemo: Sendable {
    private struct Entry: Sendable {
        var name: String
        var precision: Int
        var scale: Int
        var type: DataType?
    }

    /// The most recently used combinations, newest last; small, so a linear search is cheapest.
    private var recent: [Entry] = []
    private static let capacity = 16

    /// The same as `DataType(transformationType: name, precision: precision, scale: scale)`.
    mutating func transformationType(_ name: String, precision: Int, scale: Int) -> DataType? {
        for index in recent.indices.reversed()
        where recent[index].precision == precision && recent[index].scale == scale && recent[index].name == name {
            return recent[index].type
        }
        let type = DataType(transformationType: name, precision: precision, scale: scale)
        if recent.count == Self.capacity { recent.removeFirst() }
        recent.append(Entry(name: name, precision: precision, scale: scale, type: type))
        return type
    }
}

/// Remembers `PCPortType(text)` for the last PORTTYPE values read: fields of one transformation
/// repeat a few port types, and comparing with the last few is cheaper than the dictionary lookup.
struct PCPortTypeMemo: Sendable {
    private var recent: [(text: String, type: PCPortType)] = []
    private static let capacity = 4

    /// The same as `PCPortType(text)`.
    mutating func portType(_ text: String) -> PCPortType {
        for index in recent.indices.reversed() where recent[index].text == text { return recent[index].type }
        let type = PCPortType(text)
        if recent.count == Self.capacity { recent.removeFirst() }
        recent.append((text, type))
        return type
    }
}
