import Foundation

extension String {
    /// The text without the spaces and tabs around it (`CharacterSet.whitespaces`: tab and
    /// the space separators). Most texts have none, and looking at both ends is far cheaper
    /// than Foundation's trimming, which goes through UTF-16: the legacy import trims
    /// every one of its 2 million rows' fields (issue #15).
    var trimmingSpaces: String {
        func isSpace(_ scalar: Unicode.Scalar?) -> Bool {
            guard let scalar else { return false }
            if scalar.isASCII { return scalar == " " || scalar == "\t" }
            return scalar.properties.generalCategory == .spaceSeparator
        }
        guard isSpace(unicodeScalars.first) || isSpace(unicodeScalars.last) else { return self }
        return trimmingCharacters(in: .whitespaces)
    }
}
