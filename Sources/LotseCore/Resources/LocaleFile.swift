import Foundation

/// Reads one locale file: a JSON object whose values are all strings (RFC 8259, the
/// subset the catalogs use). A namespace is read in both locales when first used, and
/// Foundation's generic `JSONDecoder` spent a quarter of `case show` on them when every
/// command read them all; this reads their bytes once. Anything else (a nested object, a number, a bad escape, text that
/// is not UTF-8, bytes after the object) is refused; a repeated key keeps its last text.
enum LocaleFile {
    struct Malformed: Error {}

    static func texts(_ bytes: [UInt8]) throws(Malformed) -> [String: String] {
        // UTF-8 checked once for the whole file (decoding repairs what is not; a repaired
        // text differs from its bytes), so each string is decoded without a check.
        var decoded = String(decoding: bytes, as: UTF8.self)
        let valid = decoded.withUTF8 { utf8 in bytes.withUnsafeBytes { utf8.count == $0.count && (utf8.isEmpty || memcmp(utf8.baseAddress!, $0.baseAddress!, utf8.count) == 0) } }
        guard valid else { throw Malformed() }
        var reader = Reader(bytes: bytes)
        return try reader.object()
    }

    private struct Reader {
        let bytes: [UInt8]
        var at = 0

        mutating func object() throws(Malformed) -> [String: String] {
            var texts: [String: String] = [:]
            texts.reserveCapacity(bytes.count / 48)  // an entry takes 60 to 90 bytes: room without rehashing
            try expect("{")
            if peek() == UInt8(ascii: "}") {
                at += 1
            } else {
                repeat {
                    let key = try string()
                    try expect(":")
                    texts[key] = try string()
                } while try endOfMember()
            }
            skipSpace()
            guard at == bytes.count else { throw Malformed() }
            return texts
        }

        /// After a member: true on ",", false on "}".
        mutating func endOfMember() throws(Malformed) -> Bool {
            switch peek() {
            case UInt8(ascii: ","): at += 1; return true
            case UInt8(ascii: "}"): at += 1; return false
            default: throw Malformed()
            }
        }

        mutating func string() throws(Malformed) -> String {
            try expect("\"")
            var start = at
            var unescaped: [UInt8]?  // only for a string with escapes
            while at < bytes.count {
                switch bytes[at] {
                case UInt8(ascii: "\""):
                    let end = at
                    at += 1
                    guard var collected = unescaped else { return text(bytes[start..<end]) }
                    collected += bytes[start..<end]
                    return text(collected[...])
                case UInt8(ascii: "\\"):
                    var collected = unescaped ?? []
                    collected += bytes[start..<at]
                    at += 1
                    try escape(into: &collected)
                    unescaped = collected
                    start = at
                case 0..<0x20:
                    throw Malformed()  // control characters must be escaped
                default:
                    at += 1
                }
            }
            throw Malformed()
        }

        /// The escape after a backslash, as UTF-8.
        mutating func escape(into collected: inout [UInt8]) throws(Malformed) {
            guard at < bytes.count else { throw Malformed() }
            let letter = bytes[at]
            at += 1
            switch letter {
            case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): collected.append(letter)
            case UInt8(ascii: "n"): collected.append(0x0A)
            case UInt8(ascii: "t"): collected.append(0x09)
            case UInt8(ascii: "r"): collected.append(0x0D)
            case UInt8(ascii: "b"): collected.append(0x08)
            case UInt8(ascii: "f"): collected.append(0x0C)
            case UInt8(ascii: "u"):
                var code = try hex()
                if (0xD800..<0xDC00).contains(code) {  // a surrogate pair: \uD83D\uDE00
                    guard at + 1 < bytes.count, bytes[at] == UInt8(ascii: "\\"), bytes[at + 1] == UInt8(ascii: "u") else { throw Malformed() }
                    at += 2
                    let low = try hex()
                    guard (0xDC00..<0xE000).contains(low) else { throw Malformed() }
                    code = 0x10000 + ((code - 0xD800) << 10) + (low - 0xDC00)
                }
                guard let scalar = Unicode.Scalar(code) else { throw Malformed() }
                collected += Array(String(scalar).utf8)
            default:
                throw Malformed()
            }
        }

        /// Four hexadecimal digits.
        mutating func hex() throws(Malformed) -> UInt32 {
            guard at + 4 <= bytes.count else { throw Malformed() }
            var value: UInt32 = 0
            for byte in bytes[at..<at + 4] {
                let digit: UInt8
                switch byte {
                case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = byte - UInt8(ascii: "0")
                case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = byte - UInt8(ascii: "a") + 10
                case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = byte - UInt8(ascii: "A") + 10
                default: throw Malformed()
                }
                value = value << 4 | UInt32(digit)
            }
            at += 4
            return value
        }

        /// A string's bytes, between two quotes of valid UTF-8, hence valid themselves.
        func text(_ utf8: ArraySlice<UInt8>) -> String { String(decoding: utf8, as: UTF8.self) }

        mutating func expect(_ character: Unicode.Scalar) throws(Malformed) {
            guard peek() == UInt8(ascii: character) else { throw Malformed() }
            at += 1
        }

        /// The next byte that is not white space, not consumed.
        mutating func peek() -> UInt8? {
            skipSpace()
            return at < bytes.count ? bytes[at] : nil
        }

        mutating func skipSpace() {
            while at < bytes.count {
                switch bytes[at] {
                case 0x20, 0x0A, 0x0D, 0x09: at += 1
                default: return
                }
            }
        }
    }
}
