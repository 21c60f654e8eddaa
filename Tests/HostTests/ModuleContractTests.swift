import Foundation
@testable import Host
import LotseCore
import PluginKit
import Testing

/// Contract tests that run over every registered module: what must hold for any
/// module, present or future.
@Suite struct ModuleContractTests {
    static let resources = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("resources")

    let modules = builtinModules.modules

    @Test func idsAreUniqueAcrossModulesAndCarryTheirModulePrefix() {
        var seen: Set<String> = []
        for module in modules {
            #expect(seen.insert(module.id).inserted, "module id \(module.id)")
            let ids = module.questions.map(\.id) + module.goalTemplates.map(\.id) + module.metrics.map(\.id)
            for id in ids {
                #expect(id.hasPrefix(module.id + "."), "\(id) must start with \(module.id).")
                #expect(seen.insert(id).inserted, "\(id) is defined twice")
            }
            #expect(Set(module.outcomeKinds.map(\.id)).count == module.outcomeKinds.count, "\(module.id) outcome kinds")
            for question in module.questions {
                #expect(Set(question.type.choices).count == question.type.choices.count, "\(question.id) choices")
            }
        }
    }

    @Test func everyConditionRefersToAQuestionAskedEarlier() throws {
        var asked: Set<QuestionID> = []
        for question in modules.flatMap(\.questions) {
            for reference in question.askIf?.referencedQuestions ?? [] {
                #expect(asked.contains(reference), "\(question.id) reads \(reference) before it is asked")
            }
            asked.insert(question.id)
        }
        // The same check as plugins.json validation applies, with the default order.
        _ = try ConfigurationLoader(registry: builtinModules).parse(Data("{}".utf8), file: "defaults")
    }

    @Test(arguments: ["de", "en"])
    func everyTextKeyExistsInTheLocale(locale: String) throws {
        let texts = try Catalog.readLocale(Self.resources, locale)
        for module in modules {
            let keys = Set(texts[module.id]?.keys.map { $0 } ?? [])
            let needed = Set(module.textKeys)
            #expect(needed.subtracting(keys).sorted() == [], "\(locale)/\(module.id).json lacks keys")
            #expect(keys.subtracting(needed).sorted() == [], "\(locale)/\(module.id).json has unused keys")
            for key in needed { #expect(texts[module.id]?[key]?.isEmpty == false, "\(locale) \(module.id) \(key) is empty") }
        }
    }

    @Test func bothLocalesHaveTheSameCoreTextsAndNameEveryServiceAndClosureReason() throws {
        let german = try Catalog.readLocale(Self.resources, "de")["core"] ?? [:]
        let english = try Catalog.readLocale(Self.resources, "en")["core"] ?? [:]
        #expect(Set(german.keys) == Set(english.keys))
        for service in try ServiceCatalog.load(from: Self.resources).services {
            #expect(german["service.\(service.id)"] != nil, "service \(service.id)")
        }
        for reason in try ClosureReasons.load(from: Self.resources).reasons {
            #expect(german["closure.\(reason.id)"] != nil, "closure reason \(reason.id)")
        }
    }

    @Test func goalTemplatesReferKnownServicesAndOwnOutcomes() throws {
        let services = try ServiceCatalog.load(from: Self.resources)
        for module in modules {
            #expect(module.goalTemplates.count >= 4, "\(module.id) needs at least 4 goal templates")
            #expect(module.questions.count >= 8, "\(module.id) needs at least 8 questions")
            for template in module.goalTemplates {
                if let service = template.service { #expect(services.contains(service), "\(template.id): unknown service \(service)") }
                if let outcome = template.outcome { #expect(module.outcomeKind(outcome) != nil, "\(template.id): outcome \(outcome) is not \(module.id)'s") }
                #expect(template.dueAfterMonths > 0 && template.reviewEveryMonths > 0 && template.reviewEveryMonths <= template.dueAfterMonths)
            }
        }
    }

    @Test func metricsCountOnlyTheirModulesOutcomeKinds() {
        for module in modules {
            #expect(!module.metrics.isEmpty)
            for metric in module.metrics {
                for kind in metric.rule.kinds { #expect(module.outcomeKind(kind) != nil, "\(metric.id) reads unknown kind \(kind)") }
            }
        }
    }

    @Test func requiredOutcomeKindsAndMetricsExist() {
        let required: [String: (outcomes: [String], metrics: [String])] = [
            "language": (["course_enrolled", "course_completed", "level_reached"], ["language.persons_supported", "language.level_b1_or_higher"]),
            "work": (["employment", "training", "qualification"], ["work.placed", "work.in_qualification"]),
            "school": (["tutoring", "homework_support", "special_needs", "parent_teacher_talk"], ["school.children_supported"]),
            "housing": (["own_housing", "police_law_accommodation", "shared_accommodation", "seeking_better_housing"],
                        ["housing.housed", "housing.seeking_better_housing"]),
            "social": (["club", "holiday_programme", "volunteering"], ["social.adults_in_clubs", "social.children_in_holiday_programmes"]),
        ]
        for (id, expected) in required {
            let module = builtinModules.module(id)
            #expect(module != nil, "module \(id)")
            #expect(Set(expected.outcomes).isSubset(of: Set(module?.outcomeKinds.map(\.id) ?? [])), "\(id) outcomes")
            #expect(Set(expected.metrics).isSubset(of: Set(module?.metrics.map(\.id) ?? [])), "\(id) metrics")
        }
    }

    /// Every suggestion names a template of its module, for a person of the template's
    /// scope: run over answers that trigger every branch.
    @Test func suggestionsNameOwnTemplatesForTheRightPersons() {
        let adult = PersonRef(id: "a", scope: .adult), child = PersonRef(id: "c", scope: .child)
        var household: [QuestionID: AnswerValue] = [:]
        var adultAnswers: [QuestionID: AnswerValue] = [:]
        var childAnswers: [QuestionID: AnswerValue] = [:]
        for question in modules.flatMap(\.questions) {
            let value: AnswerValue = switch question.type {
            case .yesNo: .yes(question.id.hashValue % 2 == 0)
            case .choice(let keys): .choice(keys[0])
            case .multiChoice(let keys): .choices(keys)
            case .number(let range): .number(range.lowerBound)
            case .date: .date(LocalDate(year: 2018, month: 3, day: 1)!)
            case .text: .text("x")
            case .cefrLevel: .level(.a2)
            }
            switch question.scope {
            case .household: household[question.id] = value
            case .adult: adultAnswers[question.id] = value
            case .child: childAnswers[question.id] = value
            }
        }
        for flip in [false, true] {
            let answers = IntakeAnswers(household: household.mapValues { flip ? Self.flipped($0) : $0 },
                                        persons: [(adult, adultAnswers.mapValues { flip ? Self.flipped($0) : $0 }),
                                                  (child, childAnswers.mapValues { flip ? Self.flipped($0) : $0 })])
            for module in modules {
                for suggestion in module.suggestedGoals(for: answers, settings: ModuleSettings(defaultsOf: module.settings)) {
                    let template = module.goalTemplate(suggestion.template)
                    #expect(template != nil, "\(module.id) suggests unknown \(suggestion.template)")
                    #expect(suggestion.person?.scope ?? .household == template?.scope, "\(suggestion.template) for the wrong person")
                }
            }
        }
    }

    private static func flipped(_ value: AnswerValue) -> AnswerValue {
        if case .yes(let flag) = value { return .yes(!flag) }
        return value
    }

    @Test func languageSuggestionsFollowTheAnswers() {
        let module = builtinModules.module("language")!
        let adult = PersonRef(id: "1", scope: .adult)
        let settings = ModuleSettings(defaultsOf: module.settings)
        let illiterate = IntakeAnswers(persons: [(adult, ["language.has_certificate": .yes(false), "language.literate_latin": .yes(false),
                                                          "language.in_course": .yes(false), "language.barriers": .choices(["childcare"])])])
        #expect(module.suggestedGoals(for: illiterate, settings: settings).map(\.template)
                == ["language.literacy_course", "language.reach_target_level", "language.organise_childcare"])
        let certified = IntakeAnswers(persons: [(adult, ["language.has_certificate": .yes(true), "language.certified_level": .level(.b1)])])
        #expect(module.suggestedGoals(for: certified, settings: settings).isEmpty, "B1 reached: nothing to suggest")
        #expect(!module.suggestedGoals(for: certified, settings: ModuleSettings(["targetLevel": .level(.b2)])).isEmpty,
                "a higher target level in plugins.json changes the suggestion")
    }
}
