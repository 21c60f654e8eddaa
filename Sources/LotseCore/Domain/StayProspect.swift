/// How likely the person may stay in Germany (Bleibeperspektive); orders the waiting list.
public enum StayProspect: String, Sendable, Codable, CaseIterable, Comparable {
    case high, medium, low, unknown

    /// high before medium before low before unknown.
    public static func < (lhs: Self, rhs: Self) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }
}
