import PluginKit
import Testing

@Suite struct ConditionTests {
    let family = HouseholdFacts(adults: 2, children: 2, personAge: 9)

    @Test func personAnswersWinOverHouseholdAnswers() {
        let context = AnswerContext(household: ["x.q": .yes(false)], person: ["x.q": .yes(true)], facts: family)
        #expect(Condition.yes("x.q").evaluate(context))
    }

    @Test func unansweredQuestionsMakeTestsFalse() {
        let context = AnswerContext(facts: family)
        #expect(!Condition.yes("x.q").evaluate(context))
        #expect(!Condition.no("x.q").evaluate(context))
        #expect(Condition.not(.yes("x.q")).evaluate(context))
    }

    @Test func householdFacts() {
        let single = AnswerContext(facts: HouseholdFacts(adults: 1, children: 0))
        #expect(!Condition.hasChildren.evaluate(single))
        #expect(Condition.hasChildren.evaluate(AnswerContext(facts: family)))
        #expect(Condition.fact(.personAge, atLeast: 6).evaluate(AnswerContext(facts: family)))
        #expect(!Condition.fact(.personAge, atLeast: 6).evaluate(single), "no person: an age test is false")
    }

    @Test func combinatorsAndReferences() {
        let condition = Condition.all([.hasChildren, .any([.oneOf("w.status", "unemployed"), .includes("l.barriers", "childcare")])])
        #expect(condition.referencedQuestions == ["w.status", "l.barriers"])
        let context = AnswerContext(person: ["l.barriers": .choices(["distance", "childcare"])], facts: family)
        #expect(condition.evaluate(context))
        #expect(!condition.evaluate(AnswerContext(person: ["w.status": .choice("employed")], facts: family)))
        #expect(condition.description == "children ≥ 1 and (w.status in {unemployed} or l.barriers includes childcare)")
    }

    @Test func levelTests() {
        let context = AnswerContext(person: ["l.level": .level(.a2)], facts: family)
        #expect(Condition.answer("l.level", .levelBelow(.b1)).evaluate(context))
        #expect(!Condition.answer("l.level", .levelBelow(.a2)).evaluate(context))
        #expect(CEFRLevel.b1.andHigher == [.b1, .b2, .c1, .c2])
    }
}
