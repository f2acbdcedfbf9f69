import Foundation

extension FunctionLibrary {
    /// §3.4.11 UUID4 and UUID_UNPARSE.
    static let identifierFunctions: [String: FunctionSpec] = [
        // Stateful so that it is never folded into a constant: every row gets a new identifier.
        "UUID4": FunctionSpec(0, 0) { _ in
            .stateful { _, _ throws(RowError) in
                let id = UUID().uuid
                return .binary(withUnsafeBytes(of: id) { Array($0) })
            }
        },
        "UUID_UNPARSE": FunctionSpec(1, 1) { r in
            let args = FunctionArguments(r)
            return strict { a throws(RowError) in
                guard case .binary(let bytes) = a, bytes.count == 16 else {
                    throw args.invalid("the argument is not a 16-byte binary UUID")
                }
                return .string(Identifiers.unparse(bytes))
            }
        },
    ]
}

/// Text forms of identifiers.
enum Identifiers {
    /// The canonical lower-case text of a 16-byte UUID: 8-4-4-4-12 hexadecimal digits (chosen case).
    static func unparse(_ bytes: [UInt8]) -> String {
        let digits = Array("0123456789abcdef")
        var text = ""
        text.reserveCapacity(36)
        for (i, byte) in bytes.enumerated() {
            if [4, 6, 8, 10].contains(i) { text.append("-") }
            text.append(digits[Int(byte >> 4)])
            text.append(digits[Int(byte & 0x0F)])
        }
        return text
    }
}
