import PluginKit

/// Wohnsituation: finding affordable housing with better infrastructure, moving out of
/// police-law accommodation (obdachlosenrechtliche Unterbringung), and learning to run
/// a household as a tenant (heating, waste, house rules).
public struct HousingModule: IntegrationModule {
    public init() {}

    public let id = "housing"
    public let version = "1.0.0"

    public let questions: [Question] = [
        Question("housing.current", .household,
                 .choice(["own_flat", "police_law", "shared_accommodation", "with_relatives"])),
        Question("housing.rooms", .household, .number(1...15)),
        Question("housing.overcrowded", .household, .yesNo),
        Question("housing.rent_arrears", .household, .yesNo, askIf: .oneOf("housing.current", "own_flat")),
        Question("housing.tenancy_at_risk", .household, .yesNo, askIf: .oneOf("housing.current", "own_flat")),
        Question("housing.wants_to_move", .household, .yesNo),
        Question("housing.move_reasons", .household,
                 .multiChoice(["size", "cost", "infrastructure", "leave_accommodation", "conflicts", "distance_to_work"]),
                 askIf: .yes("housing.wants_to_move")),
        Question("housing.entitlement_certificate", .household, .yesNo, askIf: .yes("housing.wants_to_move")),
        Question("housing.tenant_skills", .household,
                 .multiChoice(["heating_ventilation", "waste_separation", "house_rules", "utility_contracts", "none"])),
    ]

    public let goalTemplates = [
        GoalTemplate("housing.find_flat", for: .household, dueAfterMonths: 12, reviewEveryMonths: 3,
                     responsible: .client, service: "welfare_associations", outcome: "own_housing"),
        GoalTemplate("housing.apply_entitlement_certificate", for: .household, dueAfterMonths: 2, reviewEveryMonths: 1,
                     responsible: .manager, service: "migration_counselling"),
        GoalTemplate("housing.practise_tenancy", for: .household, dueAfterMonths: 3, reviewEveryMonths: 1,
                     responsible: .manager),
        GoalTemplate("housing.clear_arrears", for: .household, dueAfterMonths: 3, reviewEveryMonths: 1,
                     responsible: .client, service: "debt_counselling"),
        GoalTemplate("housing.secure_tenancy", for: .household, dueAfterMonths: 3, reviewEveryMonths: 1,
                     responsible: .manager, service: "welfare_associations", outcome: "own_housing"),
    ]

    public let outcomeKinds = [
        OutcomeKind("own_housing"),
        OutcomeKind("police_law_accommodation"),
        OutcomeKind("shared_accommodation"),
        OutcomeKind("seeking_better_housing"),
    ]

    private static let allKinds = ["own_housing", "police_law_accommodation", "shared_accommodation", "seeking_better_housing"]

    public let metrics = [
        MetricSpec("housing.housed", .latest(among: allKinds, is: ["own_housing", "police_law_accommodation"]),
                   inCareOnDate: true),
        MetricSpec("housing.seeking_better_housing", .latest(among: allKinds, is: ["seeking_better_housing"]),
                   inCareOnDate: true),
    ]

    public func suggestedGoals(for answers: IntakeAnswers, settings: ModuleSettings) -> [GoalSuggestion] {
        let given = answers.household
        var goals: [GoalSuggestion] = []
        if given["housing.wants_to_move"] == .yes(true) {
            goals.append(GoalSuggestion("housing.find_flat"))
            if given["housing.entitlement_certificate"] == .yes(false) {
                goals.append(GoalSuggestion("housing.apply_entitlement_certificate"))
            }
        }
        if given["housing.rent_arrears"] == .yes(true) { goals.append(GoalSuggestion("housing.clear_arrears")) }
        if given["housing.tenancy_at_risk"] == .yes(true) { goals.append(GoalSuggestion("housing.secure_tenancy")) }
        if case .choices(let skills)? = given["housing.tenant_skills"], !skills.contains("none") {
            goals.append(GoalSuggestion("housing.practise_tenancy"))
        }
        return goals
    }
}
