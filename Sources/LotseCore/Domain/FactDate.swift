import PluginKit

/// The dates a user may give: a fact (a birth, a conversation, a closure) happened, so
/// it lies on or before today and not before what it follows (the person's birth, the
/// case's start); a due or review date is a plan, so it lies from today on. Each
/// refusal names the field and the limit. `today` is `LocalDate.today`, so the test
/// clock of a debug build moves it too.
public enum FactDate: String, Labelled {
    case born, arrived, joined, conversation, referral, outcome, contact, move, consent, withdrawn, note, attachment
    case waitlisted, opened, closed, reopened, signed, reviewed
    case due, review

    public static var labelPrefix: String { "factDate" }

    /// A fact's date: not after today, not before `start` (what it follows, as `limit`).
    public func check(_ date: LocalDate, notBefore start: LocalDate? = nil, limit: Limit = .caseStart, today: LocalDate = .today) throws(UsageError) {
        guard date <= today else {
            throw UsageError("factDate.afterToday", ["field": label, "date": .date(date), "today": .date(today)])
        }
        if let start, date < start {
            throw UsageError("factDate.before", ["field": label, "date": .date(date), "limit": limit.label, "start": .date(start)])
        }
    }

    /// A planned date (a goal's due date, the next review): from today on.
    public func ahead(_ date: LocalDate, today: LocalDate = .today) throws(UsageError) {
        guard date >= today else {
            throw UsageError("factDate.past", ["field": label, "date": .date(date), "today": .date(today)])
        }
    }

    /// What a fact cannot precede.
    public enum Limit: String, Labelled {
        case birth, caseStart, opened
        public static var labelPrefix: String { "factDate.limit" }
    }
}

extension CaseFile {
    /// The first day the case knew of its household: on the waiting list, opened, or
    /// (for a case taken over) accompanied elsewhere.
    var startedOn: LocalDate? { [waitlistedOn, openedOn, supportSince].compactMap { $0 }.min() }
}
