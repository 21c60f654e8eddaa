import Foundation

/// A check of received JSON's bytes before `JSONDecoder` sees them. Foundation accepts
/// duplicate keys (keeping one silently) and UTF-16; a bundle must be neither, and its
/// strings may not hold control characters (see `UntrustedText`) nor be longer, or hold
/// more lines, than the field may (`FieldLimits`). Nesting is bounded, so a hostile
/// document cannot exhaust the stack.
struct StrictJSON {
    struct Problem: Error, Equatable {
        /// Where: a path like `persons[2].familyName`, or "(document)".
        let path: String
        let what: Message
    }

    static let maxDepth = 32

    private let bytes: [UInt8]
    private let limits: FieldLimits
    private var position = 0

    /// Nil when `data` is one well-formed UTF-8 JSON value with unique keys and clean strings.
    static func problem(in data: Data, limits: FieldLimits = FieldLimits()) -> Problem? {
        if data.starts(with: [0xEF, 0xBB, 0xBF]) || data.starts(with: [0xFE, 0xFF]) || data.starts(with: [0xFF, 0xFE]) {
            return Problem(path: "(document)", what: "json.byteOrderMark")
        }
        guard String(validating: data, as: UTF8.self) != nil else {
            return Problem(path: "(document)", what: "json.notUTF8")
        }
        var scanner = StrictJSON(bytes: [UInt8](data), limits: limits)
        do {
            scanner.skipSpace()
            try scanner.value(path: "", depth: 0)
            scanner.skipSpace()
            guard scanner.position == scanner.bytes.count else { throw Problem(path: "(document)", what: "json.trailingText") }
            return nil
        } catch let problem as Problem {
            return problem
        } catch {
            return Problem(path: "(document)", what: "json.notValid")
        }
    }

    private init(bytes: [UInt8], limits: FieldLimits) {
        self.bytes = bytes
        self.limits = limits
    }

    private mutating func value(path: String, depth: Int) throws {
        guard depth < Self.maxDepth else { throw Problem(path: path, what: Message("json.tooDeep", ["depth": .number(Self.maxDepth)])) }
        guard position < bytes.count else { throw malformed(path) }
        switch bytes[position] {
        case UInt8(ascii: "{"):
            position += 1
            var keys: Set<String> = []
            skipSpace()
            if peek(UInt8(ascii: "}")) { position += 1; return }
            repeat {
                skipSpace()
                let key = try string(path: path)
                let child = path.isEmpty ? key : "\(path).\(key)"
                guard keys.insert(key).inserted else { throw Problem(path: child, what: "json.keyTwice") }
                skipSpace()
                try expect(UInt8(ascii: ":"), path)
                skipSpace()
                try value(path: child, depth: depth + 1)
                skipSpace()
            } while consume(UInt8(ascii: ","))
            try expect(UInt8(ascii: "}"), path)
        case UInt8(ascii: "["):
            position += 1
            skipSpace()
            if peek(UInt8(ascii: "]")) { position += 1; return }
            var index = 0
            repeat {
                skipSpace()
                try value(path: "\(path)[\(index)]", depth: depth + 1)
                skipSpace()
                index += 1
            } while consume(UInt8(ascii: ","))
            try expect(UInt8(ascii: "]"), path)
        case UInt8(ascii: "\""):
            if let problem = limits.problem(in: try string(path: path), field: path) { throw Problem(path: path, what: problem) }
        default:
            // Numbers and literals: their exact form is JSONDecoder's to judge.
            let start = position
            while position < bytes.count, !Self.delimiters.contains(bytes[position]) { position += 1 }
            guard position > start else { throw malformed(path) }
        }
    }

    private static let delimiters: Set<UInt8> = Set(",]} \t\r\n".utf8)

    /// A string token, decoded, with control characters refused (escaped or raw).
    private mutating func string(path: String) throws -> String {
        try expect(UInt8(ascii: "\""), path)
        var scalars = String.UnicodeScalarView()
        var raw: [UInt8] = []
        func flush() {
            if !raw.isEmpty { scalars.append(contentsOf: String(decoding: raw, as: UTF8.self).unicodeScalars); raw.removeAll() }
        }
        while position < bytes.count {
            let byte = bytes[position]
            position += 1
            switch byte {
            case UInt8(ascii: "\""):
                flush()
                if let control = UntrustedText.controlCharacter(in: String(scalars)) {
                    throw Problem(path: path, what: Message("json.control", ["codePoint": .text(UntrustedText.codePoint(control))]))
                }
                return String(scalars)
            case UInt8(ascii: "\\"):
                flush()
                guard position < bytes.count else { throw malformed(path) }
                let escape = bytes[position]
                position += 1
                switch escape {
                case UInt8(ascii: "n"): scalars.append("\n")
                case UInt8(ascii: "t"): scalars.append("\t")
                case UInt8(ascii: "r"): scalars.append("\r")
                case UInt8(ascii: "b"): scalars.append("\u{8}")
                case UInt8(ascii: "f"): scalars.append("\u{C}")
                case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): scalars.append(Unicode.Scalar(escape))
                case UInt8(ascii: "u"):
                    guard position + 4 <= bytes.count, let code = UInt32(String(decoding: bytes[position..<position + 4], as: UTF8.self), radix: 16) else {
                        throw malformed(path)
                    }
                    position += 4
                    // Surrogate pairs carry letters beyond the BMP, never controls.
                    scalars.append(Unicode.Scalar(code) ?? "\u{FFFD}")
                default: throw malformed(path)
                }
            case 0x00..<0x20:
                throw Problem(path: path, what: Message("json.rawControl", ["codePoint": .text(UntrustedText.codePoint(Unicode.Scalar(byte)))]))
            default:
                raw.append(byte)
            }
        }
        throw malformed(path)
    }

    private func malformed(_ path: String) -> Problem {
        Problem(path: path.isEmpty ? "(document)" : path, what: "json.notValid")
    }

    private mutating func skipSpace() {
        while position < bytes.count, [0x20, 0x09, 0x0A, 0x0D].contains(bytes[position]) { position += 1 }
    }

    private func peek(_ byte: UInt8) -> Bool { position < bytes.count && bytes[position] == byte }

    private mutating func consume(_ byte: UInt8) -> Bool {
        guard peek(byte) else { return false }
        position += 1
        return true
    }

    private mutating func expect(_ byte: UInt8, _ path: String) throws {
        guard consume(byte) else { throw malformed(path) }
    }
}
