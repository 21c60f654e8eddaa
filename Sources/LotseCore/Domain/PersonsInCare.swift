/// Who is "in care" on a date, defined once: the members on that date of the household
/// of a case opened by then and not closed by then (for an individual case, its person).
/// The report counts them (`core.persons_in_care`), and `municipality list` and
/// admission from the waiting list compare them with the places funded.
enum PersonsInCare {
    /// Joins a case (alias `c`) to the persons it covers (alias `hm`).
    static let join = "JOIN householdMember hm ON hm.householdId = c.householdId AND (c.personId IS NULL OR hm.personId = c.personId)"

    /// The case was opened and the person a member by `date` (an SQL expression).
    static func opened(by date: String) -> String { "c.openedOn IS NOT NULL AND c.openedOn <= \(date) AND hm.fromDate <= \(date)" }

    /// Neither the case closed nor the person moved out by `date`.
    static func stillInCare(on date: String) -> String { "(c.closedOn IS NULL OR c.closedOn > \(date)) AND (hm.toDate IS NULL OR hm.toDate > \(date))" }
}
