import Foundation

/// A German postal address as one line, "Marktplatz 30, 73430 Aalen": the street and
/// number, a comma, the five-digit postcode and the town. Stored as that line; read
/// into its parts where a standard asks for them (xdomea's Anschrift).
public struct PostalAddress: Sendable, Equatable {
    public var street: String
    public var postcode: String
    public var town: String

    /// The parts of a line in the form above, or nil.
    public init?(_ line: String) {
        let parts = line.split(separator: ",", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
        guard parts.count == 2, !parts[0].isEmpty else { return nil }
        let place = parts[1].split(separator: " ", maxSplits: 1).map(String.init)
        guard place.count == 2, place[0].count == 5, place[0].allSatisfy(\.isASCIIDigit),
              !place[1].trimmingCharacters(in: .whitespaces).isEmpty else { return nil }
        (street, postcode, town) = (parts[0], place[0], place[1].trimmingCharacters(in: .whitespaces))
    }

    public var line: String { "\(street), \(postcode) \(town)" }

    /// A typed address as stored: its normal line, nil for "" (removes it), a usage
    /// error naming the form for anything else.
    static func stored(_ text: String) throws -> String? {
        if text.trimmingCharacters(in: .whitespaces).isEmpty { return nil }
        guard let address = PostalAddress(text), address.line.count <= 200 else { throw UsageError("municipality.address", ["value": .text(text)]) }
        return address.line
    }
}

extension Character {
    var isASCIIDigit: Bool { isASCII && isNumber }
}
