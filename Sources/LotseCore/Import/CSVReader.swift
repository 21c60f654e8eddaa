import Foundation

/// Reads RFC 4180 CSV: comma-separated, fields optionally in double quotes (a quote
/// inside doubled), CRLF or LF line ends, line breaks allowed inside quotes. Each
/// record knows the line it starts on, so errors can name it.
struct CSVReader: Sequence {
    struct Record {
        let line: Int
        let fields: [String]
    }

    struct Malformed: Error {
        let line: Int
        let problem: String
    }

    let bytes: [UInt8]

    init(data: Data) {
        var bytes = [UInt8](data)
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes.removeFirst(3) }
        self.bytes = bytes
    }

    func makeIterator() -> Iterator { Iterator(bytes: bytes) }

    struct Iterator: IteratorProtocol {
        let bytes: [UInt8]
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
            while position < bytes.count {
                let byte = bytes[position]
                position += 1
                if quoted {
                    if byte == UInt8(ascii: "\"") {
                        if position < bytes.count && bytes[position] == UInt8(ascii: "\"") {
                            field.append(byte)
                            position += 1
                        } else {
                            quoted = false
                        }
                    } else {
                        if byte == UInt8(ascii: "\n") { line += 1 }
                        field.append(byte)
                    }
                    continue
                }
                switch byte {
                case UInt8(ascii: ","):
                    fields.append(String(decoding: field, as: UTF8.self))
                    field.removeAll(keepingCapacity: true)
                    fieldStarted = false
                case UInt8(ascii: "\""):
                    guard !fieldStarted && field.isEmpty else { return fail(start, "a quote inside an unquoted field; quote the whole field") }
                    quoted = true
                    fieldStarted = true
                case UInt8(ascii: "\r"):
                    continue
                case UInt8(ascii: "\n"):
                    line += 1
                    fields.append(String(decoding: field, as: UTF8.self))
                    return .success(Record(line: start, fields: fields))
                default:
                    field.append(byte)
                    fieldStarted = true
                }
            }
            if quoted { return fail(start, "a quoted field is not closed before the end of the file") }
            fields.append(String(decoding: field, as: UTF8.self))
            return .success(Record(line: start, fields: fields))
        }

        private mutating func fail(_ line: Int, _ problem: String) -> Result<Record, Malformed>? {
            failure = Malformed(line: line, problem: problem)
            return .failure(failure!)
        }
    }
}
