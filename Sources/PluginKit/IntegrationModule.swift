/// An integration module: one field of integration work (language, work, school, …)
/// described as data plus pure functions.
///
/// A module never touches the database, the terminal or the file system. The core asks
/// its questions, stores its answers and outcomes, and compiles its metric specs to SQL;
/// that keeps modules trivial to test and to add, and lets plugins.json reorder them.
public protocol IntegrationModule: Sendable {
    /// Stable id, also the prefix of every question, goal and metric id ("language").
    var id: String { get }
    /// Version of the module's content, reported by `lotse modules`.
    var version: String { get }
    /// Intake questions in the order they are asked within the module.
    var questions: [Question] { get }
    /// SMART goal agreements the module offers.
    var goalTemplates: [GoalTemplate] { get }
    /// Outcome kinds the module owns; the store and the import validate against them.
    var outcomeKinds: [OutcomeKind] { get }
    /// Metrics as declarative specs, compiled to SQL by the core.
    var metrics: [MetricSpec] { get }
    /// Settings plugins.json may set for this module, with their types and defaults.
    var settings: [SettingSpec] { get }
    /// Goals to propose at the end of an intake, from the answers given.
    func suggestedGoals(for answers: IntakeAnswers, settings: ModuleSettings) -> [GoalSuggestion]
}

extension IntegrationModule {
    public var settings: [SettingSpec] { [] }

    /// Every text key the module's content needs in each locale file.
    public var textKeys: [String] {
        var keys = ["module.title", "module.summary"]
        for question in questions { keys += question.textKeys }
        for template in goalTemplates { keys += [template.titleKey, template.textKey] }
        for kind in outcomeKinds { keys.append(kind.labelKey) }
        for metric in metrics { keys += [metric.labelKey, metric.docKey] }
        for setting in settings { keys.append(setting.labelKey) }
        return keys
    }

    public func question(_ id: QuestionID) -> Question? { questions.first { $0.id == id } }
    public func goalTemplate(_ id: String) -> GoalTemplate? { goalTemplates.first { $0.id == id } }
    public func outcomeKind(_ id: String) -> OutcomeKind? { outcomeKinds.first { $0.id == id } }
}
