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

    /// Nil when the outcome fits, else what is wrong with it. These checks serve files
    /// (a legacy import, a bundle), whose fields hold ids: so they list the ids. What a
    /// user types is resolved against the labels first (`Choices`).
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

extension Vocabulary {
    /// The words a user may type for these ids, each with its label.
    public var closureChoices: Choices { Choices(closureReasons.reasons.map { ($0.id, .label("closure.\($0.id)")) }) }
    public var serviceChoices: Choices { Choices(services.services.map { ($0.id, .label("service.\($0.id)")) }) }
    public var residenceChoices: Choices { Choices(personCodes.residenceStatuses.map { ($0.id, .label("residence.\($0.id)")) }) }
    public var moduleChoices: Choices { Choices(modules.keys.sorted().map { ($0, Self.moduleLabel($0)) }) }
    /// Conversation topics: the modules by their titles and the core topics.
    public var topicChoices: Choices { Choices(moduleChoices.choices.map { ($0.id, $0.label) } + Self.coreTopics.map { ($0, .label("topic.\($0)")) }) }
    /// A module's outcome kinds by their labels (none for an unknown module).
    public func outcomeChoices(module: String) -> Choices {
        Choices((modules[module] ?? []).map { ($0.id, .message(Message("outcome.\($0.id)", namespace: module))) })
    }

    /// What a consent covers: a handover, referrals or one module's data.
    public var scopeChoices: Choices {
        Choices(Self.coreScopes.map { ($0, .label("consentScope.\($0)")) } + moduleChoices.choices.map { ($0.id, $0.label) })
    }
    public static let coreScopes = ["handover", "referral", "all"]
    /// A consent's scope by its label; one recorded as free text before scopes were
    /// resolved, as it was written.
    public func scopeLabel(_ id: String) -> TextValue {
        Self.coreScopes.contains(id) ? .label("consentScope.\(id)") : modules[id] != nil ? Self.moduleLabel(id) : .text(id)
    }

    /// A module's title, from its own catalog namespace.
    public static func moduleLabel(_ id: String) -> TextValue { .message(Message("module.title", namespace: id)) }
    /// A topic's label: a module's title or a core topic's.
    public static func topicLabel(_ id: String) -> TextValue { coreTopics.contains(id) ? .label("topic.\(id)") : moduleLabel(id) }
}
