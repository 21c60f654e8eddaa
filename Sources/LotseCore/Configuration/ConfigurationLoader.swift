import Foundation
import PluginKit

/// Reads and validates plugins.json against the registered modules. Everything that
/// can be wrong is found here, at start-up, so a reordered or mistyped file never
/// surfaces later in the middle of an intake.
public struct ConfigurationLoader: Sendable {
    public let registry: ModuleRegistry

    public init(registry: ModuleRegistry) { self.registry = registry }

    public func load(contentsOf url: URL) throws(ConfigurationError) -> Configuration {
        let name = url.path
        guard let data = FileManager.default.contents(atPath: url.path) else {
            throw ConfigurationError(file: name, key: .label("config.file"), expected: "config.unreadable")
        }
        return try parse(data, file: name)
    }

    public func parse(_ data: Data, file: String) throws(ConfigurationError) -> Configuration {
        let root: JSONValue
        do { root = try JSONValue.parse(data) } catch {
            throw ConfigurationError(file: file, key: .message(Message("config.position", ["line": .number(error.line), "column": .number(error.column)])),
                                     expected: "config.malformed")
        }
        var validator = Validator(file: file, registry: registry)
        return try validator.configuration(from: root)
    }
}

/// One pass over the document, carrying the file name for messages.
private struct Validator {
    let file: String
    let registry: ModuleRegistry
    /// Each module's position in the file, for messages about enabled modules.
    var position: [String: Int] = [:]

    func fail(_ key: String, _ expected: Message) -> ConfigurationError {
        ConfigurationError(file: file, key: .text(key), expected: expected)
    }

    mutating func configuration(from root: JSONValue) throws(ConfigurationError) -> Configuration {
        guard case .object(let top) = root else { throw ConfigurationError(file: file, key: .label("config.topLevel"), expected: Message("config.object", ["got": .message(root.shortDescription)])) }
        for key in top.keys.sorted() where !["modules", "deployment", "organisation", "$comment"].contains(key) {
            throw fail(key, "config.unknownTopKey")
        }
        var config = Configuration.defaults(for: registry)
        config.source = file
        if let deployment = top["deployment"] { config.deployment = try self.deployment(deployment) }
        if let modules = top["modules"] { config.modules = try self.modules(modules) }
        if let organisation = top["organisation"] { config.organisation = try self.organisation(organisation) }
        try checkConditions(config.modules)
        return config
    }

    mutating func modules(_ value: JSONValue) throws(ConfigurationError) -> [Configuration.EnabledModule] {
        guard case .array(let entries) = value else { throw fail("modules", Message("config.moduleList", ["got": .message(value.shortDescription)])) }
        var seen: Set<String> = []
        var enabled: [Configuration.EnabledModule] = []
        for (index, entry) in entries.enumerated() {
            let path = "modules[\(index)]"
            guard case .object(let fields) = entry else { throw fail(path, Message("config.moduleEntry", ["got": .message(entry.shortDescription)])) }
            for key in fields.keys.sorted() where !["id", "enabled", "settings"].contains(key) {
                throw fail("\(path).\(key)", "config.unknownModuleKey")
            }
            guard case .string(let id)? = fields["id"] else {
                throw fail("\(path).id", Message("config.moduleId", ["known": .list(registry.ids.map { .text($0) })]))
            }
            guard let module = registry.module(id) else {
                throw fail("\(path).id", Message("error.unknownModule", ["module": .text(id), "known": .list(registry.ids.map { .text($0) })]))
            }
            guard seen.insert(id).inserted else { throw fail("\(path).id", Message("config.moduleTwice", ["module": .text(id)])) }
            position[id] = index
            var isEnabled = true
            if let flag = fields["enabled"] {
                guard case .bool(let b) = flag else { throw fail("\(path).enabled", Message("config.flag", ["got": .message(flag.shortDescription)])) }
                isEnabled = b
            }
            let settings = try self.settings(fields["settings"], of: module, path: "\(path).settings")
            if isEnabled { enabled.append(.init(module: module, settings: settings)) }
        }
        return enabled
    }

    func settings(_ value: JSONValue?, of module: any IntegrationModule, path: String) throws(ConfigurationError) -> ModuleSettings {
        var settings = ModuleSettings(defaultsOf: module.settings)
        guard let value else { return settings }
        guard case .object(let fields) = value else { throw fail(path, Message("config.settingsObject", ["got": .message(value.shortDescription)])) }
        for (key, given) in fields.sorted(by: { $0.key < $1.key }) {
            guard let spec = module.settings.first(where: { $0.key == key }) else {
                let known = module.settings.map(\.key)
                throw fail("\(path).\(key)", known.isEmpty ? Message("config.noSettings", ["module": .text(module.id)])
                                                           : Message("config.unknownSetting", ["known": .list(known.map { .text($0) })]))
            }
            guard let typed = Self.typed(given, like: spec.defaultValue) else {
                throw fail("\(path).\(key)", Message("config.expected", ["expected": .label(spec.defaultValue.expected), "got": .message(given.shortDescription)]))
            }
            if case .integer(let n) = typed, !spec.range.contains(n) {
                throw fail("\(path).\(key)", Message("config.range", ["min": .number(spec.range.lowerBound), "max": .number(spec.range.upperBound), "got": .number(n)]))
            }
            settings.values[key] = typed
        }
        return settings
    }

    static func typed(_ value: JSONValue, like example: SettingValue) -> SettingValue? {
        switch (example, value) {
        case (.integer, .integer(let n)): .integer(n)
        case (.text, .string(let s)): .text(s)
        case (.flag, .bool(let b)): .flag(b)
        case (.level, .string(let s)): CEFRLevel(rawValue: s.uppercased()).map(SettingValue.level)
        default: nil
        }
    }

    func organisation(_ value: JSONValue) throws(ConfigurationError) -> Organisation {
        guard case .object(let fields) = value else { throw fail("organisation", Message("config.object", ["got": .message(value.shortDescription)])) }
        var organisation = Organisation()
        for (key, given) in fields.sorted(by: { $0.key < $1.key }) {
            let path = "organisation.\(key)"
            guard Organisation.settingNames.contains(key) else {
                throw fail(path, Message("config.unknownSetting", ["known": .list(Organisation.settingNames.map { .text($0) })]))
            }
            guard case .string(let text) = given, !text.trimmingCharacters(in: .whitespaces).isEmpty, text.count <= Organisation.maxCharacters,
                  !text.unicodeScalars.contains(where: { $0.properties.generalCategory == .control && $0 != "\n" }) else {
                throw fail(path, Message("config.organisationText", ["max": .number(Organisation.maxCharacters), "got": .message(given.shortDescription)]))
            }
            switch key {
            case "county": organisation.county = text
            case "office": organisation.office = text
            case "archive": organisation.archive = text
            case "controller": organisation.controller = text
            default: organisation.dataProtectionOfficer = text
            }
        }
        return organisation
    }

    func deployment(_ value: JSONValue) throws(ConfigurationError) -> Deployment {
        guard case .object(let fields) = value else { throw fail("deployment", Message("config.object", ["got": .message(value.shortDescription)])) }
        var deployment = Deployment()
        for (key, given) in fields.sorted(by: { $0.key < $1.key }) {
            let path = "deployment.\(key)"
            switch key {
            case "locale":
                guard case .string(let s) = given, ["de", "en"].contains(s) else { throw fail(path, Message("config.locale", ["got": .message(given.shortDescription)])) }
                deployment.locale = s
            case "retentionYears": deployment.retentionYears = try whole(given, path, Deployment.Bounds.retentionYears)
            case "personsPerFTE": deployment.personsPerFTE = try whole(given, path, Deployment.Bounds.personsPerFTE)
            case "inactiveMonths": deployment.inactiveMonths = try whole(given, path, Deployment.Bounds.inactiveMonths)
            case "maxCareYears": deployment.maxCareYears = try whole(given, path, Deployment.Bounds.maxCareYears)
            case "careEndWarningMonths": deployment.careEndWarningMonths = try whole(given, path, Deployment.Bounds.careEndWarningMonths)
            case "eligibility":
                guard case .string(let s) = given, let rule = Eligibility(rawValue: s) else {
                    throw fail(path, Message("config.eligibility", ["known": .list(Eligibility.allCases.map { .text($0.rawValue) }), "got": .message(given.shortDescription)]))
                }
                deployment.eligibility = rule
            case "idleLogoutMinutes":
                switch given {
                case .integer(let n) where Deployment.Bounds.idleLogoutMinutes.contains(Double(n)): deployment.idleLogoutMinutes = Double(n)
                case .number(let x) where Deployment.Bounds.idleLogoutMinutes.contains(x): deployment.idleLogoutMinutes = x
                default: throw fail(path, Message("config.minutes", ["got": .message(given.shortDescription)]))
                }
            case "bundleMaxEntryMB": deployment.bundleMaxEntryMB = try whole(given, path, Deployment.Bounds.bundleMaxEntryMB)
            case "bundleMaxTotalMB": deployment.bundleMaxTotalMB = try whole(given, path, Deployment.Bounds.bundleMaxTotalMB)
            case "caseJSONMaxMB": deployment.caseJSONMaxMB = try whole(given, path, Deployment.Bounds.caseJSONMaxMB)
            case "maxPersonsPerCase": deployment.maxPersonsPerCase = try whole(given, path, Deployment.Bounds.maxPersonsPerCase)
            case "csvMaxFieldKB": deployment.csvMaxFieldKB = try whole(given, path, Deployment.Bounds.csvMaxFieldKB)
            case "maxFieldChars": deployment.maxFieldChars = try whole(given, path, Deployment.Bounds.maxFieldChars)
            case "maxNoteChars": deployment.maxNoteChars = try whole(given, path, Deployment.Bounds.maxNoteChars)
            case "attachmentMaxMB": deployment.attachmentMaxMB = try whole(given, path, Deployment.Bounds.attachmentMaxMB)
            case "backupMaxMB": deployment.backupMaxMB = try whole(given, path, Deployment.Bounds.backupMaxMB)
            case "receiptOverdueDays": deployment.receiptOverdueDays = try whole(given, path, Deployment.Bounds.receiptOverdueDays)
            case "backupRetentionDays": deployment.backupRetentionDays = try whole(given, path, Deployment.Bounds.backupRetentionDays)
            case "batchCloseRules":
                let names = ClosureRule.allCases.map(\.rawValue)
                guard case .array(let items) = given else { throw fail(path, Message("config.rules", ["known": .list(names.map { .text($0) }), "got": .message(given.shortDescription)])) }
                deployment.batchCloseRules = try items.map { item throws(ConfigurationError) in
                    guard case .string(let s) = item, let rule = ClosureRule(rawValue: s) else {
                        throw fail(path, Message("config.rules", ["known": .list(names.map { .text($0) }), "got": .message(item.shortDescription)]))
                    }
                    return rule
                }
            case "archiveAnswerMonths": deployment.archiveAnswerMonths = try whole(given, path, Deployment.Bounds.archiveAnswerMonths)
            case "archiveOffer", "archiveOfferNames":
                guard case .bool(let flag) = given else { throw fail(path, Message("config.flag", ["got": .message(given.shortDescription)])) }
                if key == "archiveOffer" { deployment.archiveOffer = flag } else { deployment.archiveOfferNames = flag }
            case "trustedKeysDir", "kioskExportDir", "signingKey":
                guard case .string(let s) = given, !s.isEmpty, !s.contains("\0") else { throw fail(path, Message("config.path", ["got": .message(given.shortDescription)])) }
                switch key {
                case "trustedKeysDir": deployment.trustedKeysDir = s
                case "kioskExportDir": deployment.kioskExportDir = s
                default: deployment.signingKey = s
                }
            default:
                throw fail(path, Message("config.unknownSetting", ["known": .list(Deployment.settingNames.map { .text($0) })]))
            }
        }
        return deployment
    }

    /// A whole number inside the setting's range: out of range is a configuration error
    /// here, so no absurd value can reach date arithmetic or a size limit.
    func whole(_ value: JSONValue, _ path: String, _ range: ClosedRange<Int>) throws(ConfigurationError) -> Int {
        guard case .integer(let n) = value, range.contains(n) else {
            throw fail(path, Message("config.range", ["min": .number(range.lowerBound), "max": .number(range.upperBound), "got": .message(value.shortDescription)]))
        }
        return n
    }

    /// Every `askIf` must refer to a question asked earlier in the configured order, so
    /// reordering or disabling modules cannot silently break skip logic.
    func checkConditions(_ modules: [Configuration.EnabledModule]) throws(ConfigurationError) {
        var asked: Set<QuestionID> = []
        for entry in modules {
            let index = position[entry.module.id] ?? registry.ids.firstIndex(of: entry.module.id) ?? 0
            for question in entry.module.questions {
                for reference in question.askIf?.referencedQuestions ?? [] where !asked.contains(reference) {
                    let owner = reference.split(separator: ".").first.map(String.init) ?? reference
                    let hint = owner == entry.module.id ? Message("config.reorder")
                        : Message("config.enableBefore", ["owner": .text(owner), "module": .text(entry.module.id)])
                    throw fail("modules[\(index)]", Message("config.condition", ["question": .text(question.id), "reference": .text(reference), "hint": .message(hint)]))
                }
                asked.insert(question.id)
            }
        }
    }
}
