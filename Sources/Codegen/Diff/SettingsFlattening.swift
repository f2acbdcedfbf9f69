import Foundation
import IR

/// A JSON value read back from an encoded setting, so any Codable configuration can be compared key by
/// key without knowing its fields.
indirect enum SettingValue: Decodable, Hashable {
    case null
    case bool(Bool)
    case number(String)
    case string(String)
    case array([SettingValue])
    case object([String: SettingValue])

    init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if container.decodeNil() {
            self = .null
        } else if let value = try? container.decode(Bool.self) {
            self = .bool(value)
        } else if let value = try? container.decode(Int.self) {
            self = .number(String(value))
        } else if let value = try? container.decode(Double.self) {
            self = .number(String(value))
        } else if let value = try? container.decode(String.self) {
            self = .string(value)
        } else if let value = try? container.decode([SettingValue].self) {
            self = .array(value)
        } else {
            self = .object(try container.decode([String: SettingValue].self))
        }
    }

    /// The value as one line of JSON-like text, keys sorted.
    var text: String {
        switch self {
        case .null: "null"
        case .bool(let value): value ? "true" : "false"
        case .number(let value): value
        case .string(let value): SettingsFlattening.quoted(value)
        case .array(let items): "[" + items.map(\.text).joined(separator: ", ") + "]"
        case .object(let fields):
            "{" + fields.sorted { $0.key < $1.key }.map { "\($0.key): \($0.value.text)" }.joined(separator: ", ") + "}"
        }
    }
}

/// Turns a Codable configuration into sorted `key path → value text` pairs and compares two of them.
enum SettingsFlattening {
    /// `value`'s settings, one per leaf: objects give `a.b` keys; arrays of objects give `a[i]` keys
    /// (`a[NAME]` when every item has a distinct `name`, or `node` for session settings, and then a
    /// `{name, value}` item is the one setting `a[NAME]`); arrays of scalars are one value; nulls and
    /// empty objects are absent.
    static func flatten<T: Encodable>(_ value: T, prefix: String = "") -> [String: String] {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        guard let data = try? encoder.encode(value),
            let tree = try? JSONDecoder().decode(SettingValue.self, from: data)
        else { return [prefix: "?"] }
        var result: [String: String] = [:]
        flatten(tree, key: prefix, into: &result)
        return canonicalExpressions(result)
    }

    /// An expression encoded as `{canonical, source}` (its text differs from its canonical form) is
    /// compared by its canonical form alone, under the expression's own key.
    private static func canonicalExpressions(_ settings: [String: String]) -> [String: String] {
        var result = settings
        for (key, value) in settings where key.hasSuffix(".canonical") {
            let base = String(key.dropLast(".canonical".count))
            guard settings[base + ".source"] != nil else { continue }
            result[base + ".source"] = nil
            result[key] = nil
            result[base] = value
        }
        return result
    }

    /// The value of a named item's own key: the item exists.
    static let present = "(present)"

    /// The changes from `old` to `new`, sorted by key. A named item only on one side is one change
    /// (its key, `(present)` on that side), not one per field.
    static func changes(_ old: [String: String], _ new: [String: String]) -> [ValueChange] {
        let keys = Set(old.keys).union(new.keys).sorted()
        let appearing = keys.filter { (old[$0] == present) != (new[$0] == present) }.map { $0 + "." }
        return keys.compactMap { key in
            guard old[key] != new[key], !appearing.contains(where: { key.hasPrefix($0) }) else { return nil }
            return ValueChange(key: key, old: old[key], new: new[key])
        }
    }

    /// `text` in double quotes with `"` and `\` escaped.
    static func quoted(_ text: String) -> String {
        "\"" + text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\""
    }

    private static func flatten(_ value: SettingValue, key: String, into result: inout [String: String]) {
        switch value {
        case .object(let fields) where !fields.isEmpty:
            for (name, field) in fields { flatten(field, key: join(key, name), into: &result) }
        case .array(let items) where items.contains(where: \.isObject):
            let names = items.compactMap(\.nameField)
            let useNames = names.count == items.count && Set(names).count == names.count
            for (index, item) in items.enumerated() {
                guard useNames else {
                    flatten(item, key: key + "[\(index)]", into: &result)
                    continue
                }
                flattenNamed(item, key: key + "[\(names[index])]", into: &result)
            }
        case .null, .object:
            break
        default:
            result[key] = value.text
        }
    }

    /// A named item: a `{name, value}` pair is one setting; any other item is a presence marker plus
    /// its fields other than the name.
    private static func flattenNamed(_ item: SettingValue, key: String, into result: inout [String: String]) {
        guard case .object(var fields) = item else { return }
        if Set(fields.keys) == ["name", "value"], let value = fields["value"] {
            result[key] = value.text
            return
        }
        result[key] = present
        fields["name"] = nil
        fields["node"] = nil
        for (name, field) in fields { flatten(field, key: key + "." + name, into: &result) }
    }

    private static func join(_ prefix: String, _ name: String) -> String {
        prefix.isEmpty ? name : prefix + "." + name
    }
}

extension SettingValue {
    fileprivate var isObject: Bool {
        if case .object = self { return true }
        return false
    }

    fileprivate var nameField: String? {
        guard case .object(let fields) = self else { return nil }
        if case .string(let name)? = fields["name"] { return name }
        if case .string(let node)? = fields["node"] { return node }
        return nil
    }
}
