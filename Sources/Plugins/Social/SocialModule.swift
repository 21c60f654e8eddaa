import PluginKit

/// Soziale und gesellschaftliche Integration: contacts in the neighbourhood, clubs and
/// volunteering for adults, holiday programmes and sports clubs for children, and the
/// link to counselling services where a family carries particular strain.
public struct SocialModule: IntegrationModule {
    public init() {}

    public let id = "social"
    public let version = "1.0.0"

    public let questions: [Question] = [
        Question("social.neighbourhood_contacts", .household, .choice(["many", "some", "none"])),
        Question("social.mentor", .household, .yesNo),
        Question("social.club_member", .adult, .yesNo),
        Question("social.club_interest", .adult,
                 .multiChoice(["sports", "music", "culture", "religious_community", "parents_group", "none"]),
                 askIf: .no("social.club_member")),
        Question("social.volunteering", .adult, .yesNo),
        Question("social.volunteering_interest", .adult, .yesNo, askIf: .no("social.volunteering")),
        Question("social.child_club", .child, .yesNo),
        Question("social.holiday_programme_wanted", .child, .yesNo, askIf: .fact(.personAge, atLeast: 6)),
        Question("social.strain", .household, .yesNo),
        Question("social.strain_kind", .household,
                 .multiChoice(["trauma", "addiction", "debt", "family_conflict", "parenting"]),
                 askIf: .yes("social.strain")),
    ]

    public let goalTemplates = [
        GoalTemplate("social.join_club", for: .adult, dueAfterMonths: 6, reviewEveryMonths: 3,
                     responsible: .manager, service: "welfare_associations", outcome: "club"),
        GoalTemplate("social.child_sports_club", for: .child, dueAfterMonths: 4, reviewEveryMonths: 2,
                     responsible: .manager, service: "schools", outcome: "club"),
        GoalTemplate("social.holiday_programme", for: .child, dueAfterMonths: 4, reviewEveryMonths: 2,
                     responsible: .manager, outcome: "holiday_programme"),
        GoalTemplate("social.start_volunteering", for: .adult, dueAfterMonths: 6, reviewEveryMonths: 3,
                     responsible: .client, service: "welfare_associations", outcome: "volunteering"),
        GoalTemplate("social.mentorship", for: .household, dueAfterMonths: 3, reviewEveryMonths: 2,
                     responsible: .manager, service: "welfare_associations"),
        GoalTemplate("social.counselling", for: .household, dueAfterMonths: 2, reviewEveryMonths: 1,
                     responsible: .manager, service: "psychological_counselling"),
    ]

    public let outcomeKinds = [
        OutcomeKind("club"),
        OutcomeKind("holiday_programme"),
        OutcomeKind("volunteering"),
    ]

    public let metrics = [
        MetricSpec("social.adults_in_clubs", persons: .adults, .any(of: ["club"])),
        MetricSpec("social.children_in_holiday_programmes", persons: .children, .any(of: ["holiday_programme"])),
        MetricSpec("social.volunteers", persons: .adults, .any(of: ["volunteering"])),
    ]

    public func suggestedGoals(for answers: IntakeAnswers, settings: ModuleSettings) -> [GoalSuggestion] {
        var goals: [GoalSuggestion] = []
        for (person, given) in answers.adults {
            if case .choices(let interests)? = given["social.club_interest"], !interests.contains("none") {
                goals.append(GoalSuggestion("social.join_club", for: person))
            }
            if given["social.volunteering_interest"] == .yes(true) {
                goals.append(GoalSuggestion("social.start_volunteering", for: person))
            }
        }
        for (child, given) in answers.children {
            if given["social.child_club"] == .yes(false) { goals.append(GoalSuggestion("social.child_sports_club", for: child)) }
            if given["social.holiday_programme_wanted"] == .yes(true) {
                goals.append(GoalSuggestion("social.holiday_programme", for: child))
            }
        }
        if answers.household["social.mentor"] == .yes(false),
           answers.household["social.neighbourhood_contacts"] == .choice("none") {
            goals.append(GoalSuggestion("social.mentorship"))
        }
        if answers.household["social.strain"] == .yes(true) { goals.append(GoalSuggestion("social.counselling")) }
        return goals
    }
}
