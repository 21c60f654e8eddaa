import PluginKit

/// A birth date, or only its year (common for refugees' papers). Year-only dates are
/// stored and computed as 1 January of that year, as German registries do.
public struct BirthDate: Sendable, Hashable, Codable, CustomStringConvertible {
    public let date: LocalDate
    public let yearOnly: Bool

    public init(_ date: LocalDate) {
        self.date = date
        self.yearOnly = false
    }

    public init?(year: Int) {
        guard let date = LocalDate(year: year, month: 1, day: 1), (1900...2100).contains(year) else { return nil }
        self.date = date
        self.yearOnly = true
    }

    /// "1985-03-02", "02.03.1985" or "1985".
    public init?(parsing text: String) {
        if text.count == 4, let year = Int(text) { self.init(year: year) } else if let date = LocalDate(parsing: text) { self.init(date) } else { return nil }
    }

    public var description: String { yearOnly ? String(date.year) : date.iso }
}
