

/// Household facts on the intake date.
public struct HouseholdFacts: Sendable, Hashable {
    public var adults: Int
    public var children: Int
    /// Age of the person being asked about, if the question is per person.
    public var personAge: Int?

    public init(adults: Int, children: Int, personAge: Int? = nil) {
        self.adults = adults
        self.children = children
        self.personAge = personAge
    }

    public func value(of fact: HouseholdFact) -> Int? {
        switch fact {
        case .adults: adults
        case .children: children
        case .personAge: personAge
        }
    }
}
