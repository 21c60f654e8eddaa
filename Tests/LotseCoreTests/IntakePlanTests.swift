import LanguageModule
import LotseCore
import PluginKit
import SchoolModule
import Testing

@Suite struct IntakePlanTests {
    let amal = IntakePerson(id: 1, name: "Amal Haddad", age: 33)
    let karim = IntakePerson(id: 2, name: "Karim Haddad", age: 36)
    let omar = IntakePerson(id: 3, name: "Omar Haddad", age: 7)

    @Test func questionsArePerHouseholdPerAdultOrPerChildInConfiguredOrder() {
        let plan = IntakePlan(modules: [SchoolModule(), LanguageModule()], persons: [amal, karim, omar])
        #expect(plan.steps.first == IntakeStep(module: "school", question: "school.attends", personId: 3))
        #expect(plan.steps.filter { $0.question == "language.in_course" }.map(\.personId) == [1, 2])
        #expect(plan.steps.filter { $0.question == "school.parent_contact" }.map(\.personId) == [nil])
        #expect(plan.steps.firstIndex { $0.module == "language" }! > plan.steps.lastIndex { $0.module == "school" }!)
    }

    @Test func aHouseholdWithoutChildrenIsNeverAskedSchoolQuestions() {
        let plan = IntakePlan(modules: [SchoolModule(), LanguageModule()], persons: [amal])
        #expect(plan.next(after: nil, IntakeAnswersState())?.module == "language")
    }

    @Test func skipLogicFollowsAnswersAndBackReevaluatesIt() {
        let plan = IntakePlan(modules: [LanguageModule()], persons: [amal])
        var answers = IntakeAnswersState()
        let first = plan.next(after: nil, answers)!
        #expect(first.question == "language.has_certificate")
        answers.set(.yes(true), for: first)
        let second = plan.next(after: first, answers)!
        #expect(second.question == "language.certified_level")
        #expect(plan.progress(of: second, answers) == ("language", 2, 4), "certificate, level, in course, interpreter")
        answers.set(.yes(false), for: first)  // changed on the way back
        #expect(plan.next(after: first, answers)?.question == "language.estimated_level")
        #expect(plan.previous(before: plan.next(after: first, answers), answers) == first)
        #expect(plan.previous(before: first, answers) == nil)
    }

    @Test func answersThatNoLongerApplyAreLeftOutOfTheSummary() {
        let plan = IntakePlan(modules: [LanguageModule()], persons: [amal])
        var answers = IntakeAnswersState()
        let certificate = IntakeStep(module: "language", question: "language.has_certificate", personId: 1)
        answers.set(.yes(true), for: certificate)
        answers.set(.level(.b1), for: IntakeStep(module: "language", question: "language.certified_level", personId: 1))
        answers.set(.yes(false), for: certificate)
        let kept = plan.applicableAnswers(answers)
        #expect(kept.persons[1]?["language.certified_level"] == nil)
        #expect(kept.persons[1]?["language.has_certificate"] == .yes(false))
    }

    @Test func personAgeFeedsConditions() {
        let baby = IntakePerson(id: 4, name: "Lina", age: 2)
        let plan = IntakePlan(modules: [SocialLikeAgeModule()], persons: [omar, baby])
        let asked = plan.steps.filter { plan.applies($0, IntakeAnswersState()) }.map(\.personId)
        #expect(asked == [3])
    }
}

/// One question asked only from age 6.
private struct SocialLikeAgeModule: IntegrationModule {
    let id = "age"
    let version = "1"
    let questions = [Question("age.holiday", .child, .yesNo, askIf: .fact(.personAge, atLeast: 6))]
    let goalTemplates: [GoalTemplate] = []
    let outcomeKinds: [OutcomeKind] = []
    let metrics: [MetricSpec] = []
    func suggestedGoals(for answers: IntakeAnswers, settings: ModuleSettings) -> [GoalSuggestion] { [] }
}
