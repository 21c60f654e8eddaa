/// A county office or a city that runs its own integration management.
public enum MunicipalityKind: String, Sendable, Codable, CaseIterable {
    case county
    case city
}

/// What a staff member does in the team.
public enum StaffRole: String, Sendable, Codable, CaseIterable {
    /// An integration manager with their own cases.
    case manager
    /// A team lead: sees all cases of the municipality, reassigns, reports.
    case lead
}

public enum Sex: String, Sendable, Codable, CaseIterable {
    case female = "f"
    case male = "m"
    case diverse = "d"
    case unknown = "u"
}

/// How likely the person may stay in Germany (Bleibeperspektive); orders the waiting list.
public enum StayProspect: String, Sendable, Codable, CaseIterable, Comparable {
    case high, medium, low, unknown

    /// high before medium before low before unknown.
    public static func < (lhs: Self, rhs: Self) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }
}

/// A case covers a family (the household) or one adult individual.
public enum CaseKind: String, Sendable, Codable, CaseIterable {
    case family
    case individual
}

/// `waiting → active → closed → archived`, or `handed_over` to another municipality.
public enum CaseStatus: String, Sendable, Codable, CaseIterable {
    case waiting
    case active
    case closed
    case archived
    case handedOver = "handed_over"
}

public enum GoalStatus: String, Sendable, Codable, CaseIterable {
    case open, achieved, dropped
}

public enum ConversationKind: String, Sendable, Codable, CaseIterable {
    case individual, family
}
