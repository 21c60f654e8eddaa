import Foundation
import LotseCore
import PluginKit
import Testing

/// Two small modules where the second's skip logic reads the first's answer.
private struct Alpha: IntegrationModule {
    let id = "alpha"
    let version = "1"
    let questions = [Question("alpha.kids", .household, .yesNo)]
    let goalTemplates: [GoalTemplate] = []
    let outcomeKinds: [OutcomeKind] = []
    let metrics: [MetricSpec] = []
    let settings = [SettingSpec("targetLevel", default: .level(.b1)), SettingSpec("limit", default: .integer(3))]
    func suggestedGoals(for answers: IntakeAnswers, settings: ModuleSettings) -> [GoalSuggestion] { [] }
}

private struct Beta: IntegrationModule {
    let id = "beta"
    let version = "1"
    let questions = [Question("beta.school", .household, .yesNo, askIf: .yes("alpha.kids"))]
    let goalTemplates: [GoalTemplate] = []
    let outcomeKinds: [OutcomeKind] = []
    let metrics: [MetricSpec] = []
    func suggestedGoals(for answers: IntakeAnswers, settings: ModuleSettings) -> [GoalSuggestion] { [] }
}

@Suite struct ConfigurationLoaderTests {
    let loader = ConfigurationLoader(registry: ModuleRegistry([Alpha(), Beta()]))

    func load(_ json: String) throws(ConfigurationError) -> Configuration {
        try loader.parse(Data(json.utf8), file: "plugins.json")
    }

    func failure(_ json: String) -> String? {
        do { _ = try load(json); return nil } catch { return TestStore.english(error.message) }
    }

    @Test func validFileSetsOrderSettingsAndDeployment() throws {
        let config = try load("""
            {"deployment": {"locale": "en", "personsPerFTE": 80},
             "modules": [{"id": "alpha", "settings": {"targetLevel": "b2"}}, {"id": "beta"}]}
            """)
        #expect(config.modules.map(\.module.id) == ["alpha", "beta"])
        #expect(config.module("alpha")?.settings.level("targetLevel") == .b2)
        #expect(config.module("alpha")?.settings.integer("limit") == 3, "defaults stay where the file sets nothing")
        #expect(config.deployment.locale == "en")
        #expect(config.deployment.personsPerFTE == 80)
        #expect(config.deployment.retentionYears == 10)
    }

    @Test func disabledModulesAreLeftOut() throws {
        let config = try load(#"{"modules": [{"id": "alpha"}, {"id": "beta", "enabled": false}]}"#)
        #expect(config.modules.map(\.module.id) == ["alpha"])
    }

    @Test func unknownModule() {
        #expect(failure(#"{"modules": [{"id": "alpha"}, {"id": "gamma"}]}"#)
                == #"plugins.json: modules[1].id: unknown module "gamma"; expected one of alpha, beta"#)
    }

    @Test func duplicateModule() {
        #expect(failure(#"{"modules": [{"id": "alpha"}, {"id": "alpha"}]}"#)
                == #"plugins.json: modules[1].id: module "alpha" is listed twice; list each module once"#)
    }

    @Test func badSettingType() {
        #expect(failure(#"{"modules": [{"id": "alpha", "settings": {"limit": "three"}}]}"#)
                == #"plugins.json: modules[0].settings.limit: a whole number, got "three""#)
        #expect(failure(#"{"modules": [{"id": "alpha", "settings": {"targetLevel": "B7"}}]}"#)
                == #"plugins.json: modules[0].settings.targetLevel: a CEFR level "A1"…"C2", got "B7""#)
        #expect(failure(#"{"modules": [{"id": "alpha", "settings": {"colour": 1}}]}"#)
                == "plugins.json: modules[0].settings.colour: an unknown setting; expected one of targetLevel, limit")
    }

    @Test func conditionOnAQuestionNotAskedEarlier() {
        #expect(failure(#"{"modules": [{"id": "beta"}, {"id": "alpha"}]}"#)
                == #"plugins.json: modules[0]: question beta.school is asked only if alpha.kids was answered before it; enable module "alpha" and list it before "beta""#)
        #expect(failure(#"{"modules": [{"id": "alpha", "enabled": false}, {"id": "beta"}]}"#) != nil,
                "disabling the module a condition reads is refused too")
    }

    @Test func malformedJSONNamesLineAndColumn() {
        let message = failure("{\n  \"modules\": [\n    {\"id\": \"alpha\"},\n    {\"id\": }\n  ]\n}")
        #expect(message?.hasPrefix("plugins.json: line 4, column") == true)
        #expect(message?.contains("malformed JSON") == true)
    }

    @Test func badDeploymentValues() {
        #expect(failure(#"{"deployment": {"locale": "fr"}}"#) == #"plugins.json: deployment.locale: "de" or "en", got "fr""#)
        #expect(failure(#"{"deployment": {"retentionYears": 0}}"#) == "plugins.json: deployment.retentionYears: a whole number from 1 to 100, got 0")
        #expect(failure(#"{"deployment": {"retentionYears": true}}"#) == "plugins.json: deployment.retentionYears: a whole number from 1 to 100, got true")
        #expect(failure(#"{"deploy": {}}"#)?.hasPrefix("plugins.json: deploy: an unknown key") == true)
        #expect(failure(#"[1]"#) == "plugins.json: (top level): a JSON object, got a list")
    }

    @Test func lookupOrderPrefersExplicitThenEnvironment() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("lotse-config-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let local = folder.appendingPathComponent("plugins.json")
        let fromEnvironment = folder.appendingPathComponent("env.json")
        for url in [local, fromEnvironment] { _ = FileManager.default.createFile(atPath: url.path, contents: Data("{}".utf8)) }
        let locations = Locations(environment: ["LOTSE_CONFIG": fromEnvironment.path], executableDirectory: { nil }, currentDirectory: folder)
        #expect(try locations.configuration(explicit: local.path) == local)
        #expect(try locations.configuration(explicit: nil) == fromEnvironment)
        let plain = Locations(environment: [:], executableDirectory: { nil }, currentDirectory: folder)
        if !FileManager.default.fileExists(atPath: "/etc/lotse/plugins.json") {
            #expect(try plain.configuration(explicit: nil) == local)
        }
        #expect(throws: ConfigurationError.self) { try plain.configuration(explicit: folder.appendingPathComponent("missing.json").path) }
    }
}
