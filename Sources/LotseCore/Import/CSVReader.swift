import Foundation

/// Reads RFC 4180 CSV strictly: comma-separated, fields optionally in double quotes (a
/// quote inside doubled, nothing but a comma or a line end after the closing quote),
/// CRLF or LF line ends, line breaks allowed inside quotes (a CRLF there becomes LF).
/// Fields are limited in length and may not hold control characters other than tab and
/// line feed. Each record knows the line it starts on, so errors can name it.
struct CSVReader: Sequence {
    struct Record {
        let line: Int
        let fields: [String]
    }

    struct Malformed: Error {
        let line: Int
        let problem: Message
    }

    let bytes: [UInt8]
    /// Longest field, in bytes; a record may hold at most 16 such fields' worth.
    let maxFieldBytes: Int

    init(data: Data, maxFieldBytes: Int = 64 << 10) {
        var bytes = [UInt8](data)
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes.removeFirst(3) }
        self.bytes = bytes
        self.maxFieldBytes = maxFieldBytes
    }

    func makeIterator() -> Iterator { Iterator(bytes: bytes, maxFieldBytes: maxFieldBytes) }

    struct Iterator: IteratorProtocol {
        let bytes: [UInt8]
        let maxFieldBytes: Int
        var position = 0
        var line = 1
        /// Set when the input is not valid CSV; iteration stops there.
        var failure: Malformed?

        mutating func next() -> Result<Record, Malformed>? {
            guard failure == nil, position < bytes.count else { return nil }
            let start = line
            var fields: [String] = []
            var field: [UInt8] = []
            var quoted = false
            var fieldStarted = false
            var closedQuote = false
            var recordBytes = 0
            /// The field read so far, or why it cannot be taken.
            func finish() -> Result<String, Malformed> {
                defer { field.removeAll(keepingCapacity: true); fieldStarted = false; closedQuote = false }
                guard field.count <= maxFieldBytes else { return .failure(Malformed(line: line, problem: Message("csv.fieldLength", ["kilobytes": .number(maxFieldBytes >> 10)]))) }
                guard !Self.holdsControl(field) else {
                    return .failure(Malformed(line: start, problem: "csv.control"))
                }
                return .success(String(decoding: field, as: UTF8.self))
            }
            while position < bytes.count {
                let byte = bytes[position]
                position += 1
                recordBytes += 1
                guard field.count <= maxFieldBytes else { return fail(line, Message("csv.fieldLength", ["kilobytes": .number(maxFieldBytes >> 10)])) }
                guard recordBytes <= 16 * maxFieldBytes else { return fail(start, Message("csv.rowLength", ["kilobytes": .number(16 * maxFieldBytes >> 10)])) }
                if quoted {
                    if byte == UInt8(ascii: "\"") {
                        if position < bytes.count && bytes[position] == UInt8(ascii: "\"") {
                            field.append(byte)
                            position += 1
                        } else {
                            quoted = false
                            closedQuote = true
                        }
                    } else if byte == UInt8(ascii: "\r") && position < bytes.count && bytes[position] == UInt8(ascii: "\n") {
                        continue  // CRLF inside quotes becomes LF
                    } else {
                        if byte == UInt8(ascii: "\n") { line += 1 }
                        field.append(byte)
                    }
                    continue
                }
                switch byte {
                case UInt8(ascii: ","):
                    switch finish() {
                    case .success(let text): fields.append(text)
                    case .failure(let malformed): return fail(malformed.line, malformed.problem)
                    }
                case UInt8(ascii: "\r") where position < bytes.count && bytes[position] == UInt8(ascii: "\n"):
                    continue
                case UInt8(ascii: "\n"):
                    line += 1
                    switch finish() {
                    case .success(let text): fields.append(text)
                    case .failure(let malformed): return fail(malformed.line, malformed.problem)
                    }
                    return .success(Record(line: start, fields: fields))
                case _ where closedQuote:
                    return fail(line, "csv.afterQuote")
                case UInt8(ascii: "\""):
                    guard !fieldStarted && field.isEmpty else { return fail(line, "csv.innerQuote") }
                    quoted = true
                    fieldStarted = true
                default:
                    field.append(byte)
                    fieldStarted = true
                }
            }
            if quoted { return fail(start, "csv.unclosed") }
            switch finish() {
            case .success(let text): fields.append(text)
            case .failure(let malformed): return fail(malformed.line, malformed.problem)
            }
            return .success(Record(line: start, fields: fields))
        }

        /// Whether UTF-8 bytes hold a control character `UntrustedText` forbids: C0
        /// other than tab and line feed, DEL (one byte each), or C1 (0xC2 0x80…0x9F).
        /// Read from the bytes: making the string first and walking its scalars costs
        /// more than the rest of the parse.
        static func holdsControl(_ bytes: [UInt8]) -> Bool {
            var previous: UInt8 = 0
            for byte in bytes {
                if byte < 0x20 ? byte != 0x09 && byte != 0x0A : byte == 0x7F || (previous == 0xC2 && (0x80...0x9F).contains(byte)) { return true }
                previous = byte
            }
            return false
        }

        private mutating func fail(_ line: Int, _ problem: Message) -> Result<Record, Malformed>? {
            failure = Malformed(line: line, problem: problem)
            return .failure(failure!)
        }
    }
}
