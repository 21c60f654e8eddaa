import PluginKit

/// The ids the store validates facts against: modules and their outcome kinds (every
/// registered module, so data of a disabled module is kept), services, closure
/// reasons, countries and residence statuses.
public struct Vocabulary: Sendable {
    public let modules: [String: [OutcomeKind]]
    /// Goal templates per module, by id.
    public let templates: [String: [String: GoalTemplate]]
    /// Every question id of every registered module.
    public let questions: Set<String>
    public let services: ServiceCatalog
    public let closureReasons: ClosureReasons
    public let personCodes: PersonCodes

    /// Conversation topics beside the modules' ids, which the Land counts and the
    /// reference paper names: health, family and children, residence and asylum law,
    /// everyday life.
    public static let coreTopics = ["health", "family", "residence_law", "everyday_life"]

    /// Every topic a conversation may have: the module ids and the core topics.
    public var topics: [String] { modules.keys.sorted() + Self.coreTopics }

    public func isTopic(_ topic: String) -> Bool { modules[topic] != nil || Self.coreTopics.contains(topic) }

    public init(registry: ModuleRegistry, services: ServiceCatalog, closureReasons: ClosureReasons, personCodes: PersonCodes) {
        modules = Dictionary(uniqueKeysWithValues: registry.modules.map { ($0.id, $0.outcomeKinds) })
        templates = Dictionary(uniqueKeysWithValues: registry.modules.map { module in
            (module.id, Dictionary(uniqueKeysWithValues: module.goalTemplates.map { ($0.id, $0) }))
        })
        questions = Set(registry.modules.flatMap { $0.questions.map(\.id) })
        self.services = services
        self.closureReasons = closureReasons
        self.personCodes = personCodes
    }

    /// Nil when the outcome fits, else what is wrong with it.
    public func problem(module: String, kind: String, value: String?) -> Message? {
        guard let kinds = modules[module] else {
            return Message("error.unknownModule", ["module": .text(module), "known": .list(modules.keys.sorted().map { .text($0) })])
        }
        guard let outcome = kinds.first(where: { $0.id == kind }) else {
            return Message("error.unknownOutcomeKind", ["module": .text(module), "kind": .text(kind), "known": .list(kinds.map { .text($0.id) })])
        }
        return outcome.value.problem(with: value).map { Message("error.outcomeValue", ["outcome": .text("\(module).\(kind)"), "expected": .label($0)]) }
    }

    public func serviceProblem(_ id: String) -> Message? {
        services.contains(id) ? nil : Message("error.unknownService", ["service": .text(id), "known": .list(services.services.map { .text($0.id) })])
    }

    public func closureProblem(_ id: String) -> Message? {
        closureReasons.contains(id) ? nil : Message("error.unknownClosureReason", ["reason": .text(id), "known": .list(closureReasons.reasons.map { .text($0.id) })])
    }
}
