import Foundation

/// Where a JSON document stops being valid.
public struct JSONSyntaxError: Error, Equatable {
    public let line: Int
    public let column: Int

    init(data: Data) {
        // JSONSerialization reports the offset ("around character 17"); turn it into a line.
        var offset = data.count
        do { _ = try JSONSerialization.jsonObject(with: data) } catch {
            let text = (error as NSError).userInfo[NSDebugDescriptionErrorKey] as? String ?? ""
            if let range = text.range(of: #"character (\d+)"#, options: .regularExpression),
               let n = Int(text[range].dropFirst("character ".count)) {
                offset = min(n, data.count)
            }
        }
        let before = data.prefix(offset)
        line = before.filter { $0 == UInt8(ascii: "\n") }.count + 1
        column = offset - (before.lastIndex(of: UInt8(ascii: "\n")).map { $0 + 1 } ?? 0) + 1
    }
}
