import PluginKit

/// Schulbesuch der Kinder: the manager mediates between school and family, so that
/// support needs (tutoring, homework support, special educational needs) are found
/// early and acted on. Asked per child; a household without children is never asked.
public struct SchoolModule: IntegrationModule {
    public init() {}

    public let id = "school"
    public let version = "1.0.0"

    private static let inSchool: Condition = .oneOf("school.attends", "primary", "secondary", "vocational")

    public let questions: [Question] = [
        Question("school.attends", .child,
                 .choice(["daycare", "primary", "secondary", "vocational", "not_yet", "none"])),
        Question("school.daycare_wanted", .child, .yesNo, askIf: .oneOf("school.attends", "not_yet", "none")),
        Question("school.preparation_class", .child, .yesNo, askIf: inSchool),
        Question("school.grade", .child, .number(1...13), optional: true, askIf: inSchool),
        Question("school.german_support", .child, .yesNo, askIf: inSchool),
        Question("school.homework_help", .child, .yesNo, askIf: inSchool),
        Question("school.tutoring_needed", .child, .yesNo, askIf: inSchool),
        Question("school.special_needs_signs", .child, .yesNo,
                 askIf: .oneOf("school.attends", "daycare", "primary", "secondary")),
        Question("school.all_day_care", .child, .yesNo, askIf: .oneOf("school.attends", "primary", "secondary")),
        Question("school.parent_contact", .household, .choice(["regular", "occasional", "none"]),
                 askIf: .hasChildren),
    ]

    public let goalTemplates = [
        GoalTemplate("school.tutoring", for: .child, dueAfterMonths: 3, reviewEveryMonths: 2,
                     responsible: .manager, service: "schools", outcome: "tutoring"),
        GoalTemplate("school.homework_support", for: .child, dueAfterMonths: 2, reviewEveryMonths: 2,
                     responsible: .manager, service: "schools", outcome: "homework_support"),
        GoalTemplate("school.special_needs_assessment", for: .child, dueAfterMonths: 4, reviewEveryMonths: 2,
                     responsible: .manager, service: "schools", outcome: "special_needs"),
        GoalTemplate("school.parent_teacher_talk", for: .household, dueAfterMonths: 2, reviewEveryMonths: 1,
                     responsible: .manager, service: "schools", outcome: "parent_teacher_talk"),
        GoalTemplate("school.daycare_place", for: .child, dueAfterMonths: 6, reviewEveryMonths: 2,
                     responsible: .client, service: "early_help"),
    ]

    public let outcomeKinds = [
        OutcomeKind("tutoring"),
        OutcomeKind("homework_support"),
        OutcomeKind("special_needs"),
        OutcomeKind("parent_teacher_talk"),
    ]

    public let metrics = [
        MetricSpec("school.children_supported", persons: .children,
                   .any(of: ["tutoring", "homework_support", "special_needs", "parent_teacher_talk"])),
        MetricSpec("school.special_needs_identified", persons: .children, .any(of: ["special_needs"])),
    ]

    public func suggestedGoals(for answers: IntakeAnswers, settings: ModuleSettings) -> [GoalSuggestion] {
        var goals: [GoalSuggestion] = []
        for (child, given) in answers.children {
            if given["school.tutoring_needed"] == .yes(true) { goals.append(GoalSuggestion("school.tutoring", for: child)) }
            if given["school.homework_help"] == .yes(true) { goals.append(GoalSuggestion("school.homework_support", for: child)) }
            if given["school.special_needs_signs"] == .yes(true) {
                goals.append(GoalSuggestion("school.special_needs_assessment", for: child))
            }
            if given["school.daycare_wanted"] == .yes(true) { goals.append(GoalSuggestion("school.daycare_place", for: child)) }
        }
        if answers.household["school.parent_contact"] == .choice("none") {
            goals.append(GoalSuggestion("school.parent_teacher_talk"))
        }
        return goals
    }
}
