import Foundation

extension FunctionLibrary {
    /// §3.4.11 encoding functions: MD5, CRC32, ENCODE_BASE64, DECODE_BASE64. Strings are read as
    /// their UTF-8 bytes (chosen).
    static let encodingFunctions: [String: FunctionSpec] = [
        "MD5": FunctionSpec(1, 1) { r in
            bytes(r) { .string(Digests.md5($0).map { String(format: "%02x", $0) }.joined()) }
        },
        "CRC32": FunctionSpec(1, 1) { r in bytes(r) { .integer(Int64(Digests.crc32($0))) } },
        "ENCODE_BASE64": FunctionSpec(1, 1) { r in bytes(r) { .string(Data($0).base64EncodedString()) } },
        "DECODE_BASE64": FunctionSpec(1, 1) { r in
            let args = FunctionArguments(r)
            return strict { a throws(RowError) in
                guard let data = Data(base64Encoded: try args.text(a), options: .ignoreUnknownCharacters) else {
                    throw args.invalid("the argument is not base64 text")
                }
                return .binary(Array(data))
            }
        },
    ]

    /// A function of the argument's bytes.
    private static func bytes(_ r: FunctionRequest, _ f: @escaping @Sendable ([UInt8]) -> Value) -> FunctionImpl {
        let args = FunctionArguments(r)
        return strict { a throws(RowError) in
            if case .binary(let bytes) = a { return f(bytes) }
            return f(Array(try args.text(a).utf8))
        }
    }
}

/// Message digests written out here (Foundation on Linux has no CommonCrypto).
enum Digests {
    /// The MD5 digest (RFC 1321) of `message`.
    static func md5(_ message: [UInt8]) -> [UInt8] {
        let shifts: [UInt32] = [7, 12, 17, 22, 5, 9, 14, 20, 4, 11, 16, 23, 6, 10, 15, 21]
        let table = (0..<64).map { UInt32(truncatingIfNeeded: Int64(abs(sin(Double($0 + 1))) * 4_294_967_296)) }
        var state: [UInt32] = [0x6745_2301, 0xefcd_ab89, 0x98ba_dcfe, 0x1032_5476]
        var padded = message + [0x80]
        while padded.count % 64 != 56 { padded.append(0) }
        let bitLength = UInt64(message.count) &* 8
        for i in 0..<8 { padded.append(UInt8(truncatingIfNeeded: bitLength >> (8 * UInt64(i)))) }
        for chunk in stride(from: 0, to: padded.count, by: 64) {
            let words = (0..<16).map { i in
                (0..<4).reduce(UInt32(0)) { $0 | UInt32(padded[chunk + 4 * i + $1]) << (8 * UInt32($1)) }
            }
            var (a, b, c, d) = (state[0], state[1], state[2], state[3])
            for i in 0..<64 {
                var f: UInt32
                let g: Int
                switch i / 16 {
                case 0: (f, g) = ((b & c) | (~b & d), i)
                case 1: (f, g) = ((d & b) | (~d & c), (5 * i + 1) % 16)
                case 2: (f, g) = (b ^ c ^ d, (3 * i + 5) % 16)
                default: (f, g) = (c ^ (b | ~d), (7 * i) % 16)
                }
                f = f &+ a &+ table[i] &+ words[g]
                a = d
                d = c
                c = b
                let s = shifts[(i / 16) * 4 + i % 4]
                b = b &+ (f << s | f >> (32 - s))
            }
            state = [state[0] &+ a, state[1] &+ b, state[2] &+ c, state[3] &+ d]
        }
        return state.flatMap { word in (0..<4).map { UInt8(truncatingIfNeeded: word >> (8 * UInt32($0))) } }
    }

    /// The CRC-32 (IEEE 802.3, as zlib) of `bytes`.
    static func crc32(_ bytes: [UInt8]) -> UInt32 {
        var crc: UInt32 = 0xFFFF_FFFF
        for byte in bytes {
            crc ^= UInt32(byte)
            for _ in 0..<8 { crc = crc & 1 == 1 ? (crc >> 1) ^ 0xEDB8_8320 : crc >> 1 }
        }
        return ~crc
    }
}
