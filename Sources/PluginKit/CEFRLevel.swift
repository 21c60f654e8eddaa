/// A level of the Common European Framework of Reference for Languages.
/// Ordered, so "B1 or higher" is a comparison.
public enum CEFRLevel: String, Sendable, Codable, CaseIterable, Comparable {
    case a1 = "A1", a2 = "A2", b1 = "B1", b2 = "B2", c1 = "C1", c2 = "C2"

    public static func < (lhs: Self, rhs: Self) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }

    /// This level and every level above it.
    public var andHigher: [CEFRLevel] { Self.allCases.filter { $0 >= self } }
}
