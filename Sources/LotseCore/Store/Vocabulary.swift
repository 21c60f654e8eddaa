import PluginKit

/// The ids the store validates facts against: modules and their outcome kinds (every
/// registered module, so data of a disabled module is kept), services and closure
/// reasons.
public struct Vocabulary: Sendable {
    public let modules: [String: [OutcomeKind]]
    /// Goal templates per module, by id.
    public let templates: [String: [String: GoalTemplate]]
    /// Every question id of every registered module.
    public let questions: Set<String>
    public let services: ServiceCatalog
    public let closureReasons: ClosureReasons

    public init(registry: ModuleRegistry, services: ServiceCatalog, closureReasons: ClosureReasons) {
        modules = Dictionary(uniqueKeysWithValues: registry.modules.map { ($0.id, $0.outcomeKinds) })
        templates = Dictionary(uniqueKeysWithValues: registry.modules.map { module in
            (module.id, Dictionary(uniqueKeysWithValues: module.goalTemplates.map { ($0.id, $0) }))
        })
        questions = Set(registry.modules.flatMap { $0.questions.map(\.id) })
        self.services = services
        self.closureReasons = closureReasons
    }

    /// Nil when the outcome fits, else what is wrong with it.
    public func problem(module: String, kind: String, value: String?) -> String? {
        guard let kinds = modules[module] else {
            return "unknown module \"\(module)\"; expected one of \(modules.keys.sorted().joined(separator: ", "))"
        }
        guard let outcome = kinds.first(where: { $0.id == kind }) else {
            return "module \(module) has no outcome kind \"\(kind)\"; expected one of \(kinds.map(\.id).joined(separator: ", "))"
        }
        return outcome.value.problem(with: value).map { "outcome \(module).\(kind) needs \($0) as its value" }
    }

    public func serviceProblem(_ id: String) -> String? {
        services.contains(id) ? nil : "unknown service \"\(id)\"; expected one of \(services.services.map(\.id).joined(separator: ", "))"
    }

    public func closureProblem(_ id: String) -> String? {
        closureReasons.contains(id) ? nil : "unknown closure reason \"\(id)\"; expected one of \(closureReasons.reasons.map(\.id).joined(separator: ", "))"
    }
}
