import PluginKit

/// Arbeitssuche, Qualifizierung und Ausbildungsplatzsuche, in close work with the
/// Jobcenter, the Agentur für Arbeit and NIFO. Work permits (Beschäftigungserlaubnis)
/// and childcare are asked as the barriers the reference names.
public struct WorkModule: IntegrationModule {
    public init() {}

    public let id = "work"
    public let version = "1.0.0"

    private static let notWorking = ["unemployed", "marginal_employment", "not_seeking"]

    public let questions: [Question] = [
        Question("work.status", .adult,
                 .choice(["employed", "marginal_employment", "in_training", "in_qualification", "unemployed", "not_seeking"])),
        Question("work.permit", .adult, .choice(["permitted", "needs_approval", "prohibited", "unknown"]),
                 askIf: .answer("work.status", .isOneOf(notWorking))),
        Question("work.registered_with", .adult, .choice(["jobcenter", "employment_agency", "none"])),
        Question("work.school_years", .adult, .number(0...20)),
        Question("work.qualification", .adult,
                 .choice(["none", "vocational", "university", "work_experience"])),
        Question("work.recognition_wanted", .adult, .yesNo,
                 askIf: .oneOf("work.qualification", "vocational", "university")),
        Question("work.childcare_barrier", .adult, .yesNo,
                 askIf: .all([.hasChildren, .answer("work.status", .isOneOf(notWorking))])),
        Question("work.role_barrier", .adult, .yesNo, optional: true,
                 askIf: .yes("work.childcare_barrier")),
        Question("work.aim", .adult, .choice(["employment", "apprenticeship", "qualification", "keep_position", "none"])),
        Question("work.needs_workplace_support", .adult, .yesNo,
                 askIf: .oneOf("work.status", "employed", "in_training")),
    ]

    public let goalTemplates = [
        GoalTemplate("work.find_employment", for: .adult, dueAfterMonths: 6, reviewEveryMonths: 2,
                     responsible: .client, service: "jobcenter", outcome: "employment"),
        GoalTemplate("work.find_apprenticeship", for: .adult, dueAfterMonths: 9, reviewEveryMonths: 2,
                     responsible: .client, service: "employment_agency", outcome: "training"),
        GoalTemplate("work.start_qualification", for: .adult, dueAfterMonths: 6, reviewEveryMonths: 2,
                     responsible: .manager, service: "nifo", outcome: "qualification"),
        GoalTemplate("work.recognition", for: .adult, dueAfterMonths: 6, reviewEveryMonths: 3,
                     responsible: .manager, service: "recognition_counselling", outcome: "qualification"),
        GoalTemplate("work.clarify_permit", for: .adult, dueAfterMonths: 2, reviewEveryMonths: 1,
                     responsible: .manager, service: "immigration_office"),
        GoalTemplate("work.keep_position", for: .adult, dueAfterMonths: 12, reviewEveryMonths: 3,
                     responsible: .client, service: "employment_agency"),
    ]

    public let outcomeKinds = [
        OutcomeKind("employment"),
        OutcomeKind("training"),
        OutcomeKind("qualification"),
    ]

    public let metrics = [
        MetricSpec("work.placed", .any(of: ["employment", "training"])),
        MetricSpec("work.in_qualification", .any(of: ["qualification"])),
    ]

    public func suggestedGoals(for answers: IntakeAnswers, settings: ModuleSettings) -> [GoalSuggestion] {
        var goals: [GoalSuggestion] = []
        for (person, given) in answers.adults {
            let permit = given["work.permit"]
            if permit == .choice("prohibited") || permit == .choice("unknown") || permit == .choice("needs_approval") {
                goals.append(GoalSuggestion("work.clarify_permit", for: person))
            }
            if given["work.recognition_wanted"] == .yes(true) {
                goals.append(GoalSuggestion("work.recognition", for: person))
            }
            switch given["work.aim"] {
            case .choice("employment")?: goals.append(GoalSuggestion("work.find_employment", for: person))
            case .choice("apprenticeship")?: goals.append(GoalSuggestion("work.find_apprenticeship", for: person))
            case .choice("qualification")?: goals.append(GoalSuggestion("work.start_qualification", for: person))
            case .choice("keep_position")?: goals.append(GoalSuggestion("work.keep_position", for: person))
            default: break
            }
        }
        return goals
    }
}
