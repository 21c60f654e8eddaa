import PluginKit

/// Sprachvermittlung: every adult should reach at least the target level (B1 by
/// default). The reference names missing childcare, long distances and the waiting
/// time for a suitable course as the main barriers; the intake asks about them.
public struct LanguageModule: IntegrationModule {
    public init() {}

    public let id = "language"
    public let version = "1.0.0"

    public let settings = [
        SettingSpec("targetLevel", default: .level(.b1)),
        SettingSpec("maxCommuteMinutes", default: .integer(45), range: 1...600),
    ]

    public let questions: [Question] = [
        Question("language.has_certificate", .adult, .yesNo),
        Question("language.certified_level", .adult, .cefrLevel, askIf: .yes("language.has_certificate")),
        Question("language.estimated_level", .adult,
                 .choice(["none", "a1", "a2", "b1", "b2_or_higher"]), askIf: .no("language.has_certificate")),
        Question("language.literate_latin", .adult, .yesNo, askIf: .no("language.has_certificate")),
        Question("language.in_course", .adult, .yesNo),
        Question("language.course_type", .adult,
                 .choice(["integration_course", "literacy_course", "job_language_course", "volunteer_course", "other"]),
                 askIf: .yes("language.in_course")),
        Question("language.course_entitlement", .adult,
                 .choice(["obliged", "entitled", "not_entitled", "unknown"]), askIf: .no("language.in_course")),
        Question("language.barriers", .adult,
                 .multiChoice(["childcare", "distance", "waiting_time", "working_hours", "health", "none"]),
                 askIf: .no("language.in_course")),
        Question("language.commute_minutes", .adult, .number(0...300), optional: true,
                 askIf: .includes("language.barriers", "distance")),
        Question("language.interpreter_needed", .adult, .yesNo),
    ]

    public let goalTemplates = [
        GoalTemplate("language.enrol_course", for: .adult, dueAfterMonths: 3, reviewEveryMonths: 1,
                     responsible: .manager, service: "language_course_provider", outcome: "course_enrolled"),
        GoalTemplate("language.literacy_course", for: .adult, dueAfterMonths: 3, reviewEveryMonths: 1,
                     responsible: .manager, service: "bamf", outcome: "course_enrolled"),
        GoalTemplate("language.complete_course", for: .adult, dueAfterMonths: 9, reviewEveryMonths: 3,
                     responsible: .client, service: "language_course_provider", outcome: "course_completed"),
        GoalTemplate("language.reach_target_level", for: .adult, dueAfterMonths: 12, reviewEveryMonths: 3,
                     responsible: .client, service: "language_course_provider", outcome: "level_reached"),
        GoalTemplate("language.organise_childcare", for: .household, dueAfterMonths: 2, reviewEveryMonths: 1,
                     responsible: .manager, service: "early_help"),
    ]

    public let outcomeKinds = [
        OutcomeKind("course_enrolled"),
        OutcomeKind("course_completed"),
        OutcomeKind("level_reached", value: .cefrLevel),
    ]

    public let metrics = [
        MetricSpec("language.persons_supported", .any(of: ["course_enrolled", "course_completed", "level_reached"])),
        MetricSpec("language.level_b1_or_higher", persons: .adults,
                   .any(of: ["level_reached"], values: CEFRLevel.b1.andHigher.map(\.rawValue))),
        MetricSpec("language.courses_completed", .any(of: ["course_completed"])),
    ]

    public func suggestedGoals(for answers: IntakeAnswers, settings: ModuleSettings) -> [GoalSuggestion] {
        let target = settings.level("targetLevel") ?? .b1
        var goals: [GoalSuggestion] = []
        var childcareMissing = false
        for (person, given) in answers.adults {
            if case .level(let level)? = given["language.certified_level"], level >= target { continue }
            if given["language.in_course"] == .yes(true) {
                goals.append(GoalSuggestion("language.complete_course", for: person))
            } else if given["language.literate_latin"] == .yes(false) {
                goals.append(GoalSuggestion("language.literacy_course", for: person))
            } else {
                goals.append(GoalSuggestion("language.enrol_course", for: person))
            }
            goals.append(GoalSuggestion("language.reach_target_level", for: person))
            if case .choices(let barriers)? = given["language.barriers"], barriers.contains("childcare") {
                childcareMissing = true
            }
        }
        if childcareMissing { goals.append(GoalSuggestion("language.organise_childcare")) }
        return goals
    }
}
