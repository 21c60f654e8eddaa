import PluginKit
import Testing

@Suite struct AnswerTypeTests {
    @Test func yesNoAcceptsGermanAndEnglish() {
        for yes in ["ja", "J", "yes", " y "] { #expect(AnswerType.yesNo.parse(yes) == .success(.yes(true))) }
        for no in ["nein", "N", "no"] { #expect(AnswerType.yesNo.parse(no) == .success(.yes(false))) }
        #expect(AnswerType.yesNo.parse("vielleicht") == .failure(.notYesNo))
        #expect(AnswerType.yesNo.parse("  ") == .failure(.empty))
    }

    @Test func choiceByNumberKeyOrUniquePrefix() {
        let type = AnswerType.choice(["own_flat", "police_law", "shared_accommodation"])
        #expect(type.parse("2") == .success(.choice("police_law")))
        #expect(type.parse("own_flat") == .success(.choice("own_flat")))
        #expect(type.parse("sha") == .success(.choice("shared_accommodation")))
        #expect(type.parse("4") == .failure(.unknownChoice("4")))
        #expect(type.parse("x") == .failure(.unknownChoice("x")))
    }

    @Test func multiChoiceKeepsOrderAndDropsRepeats() {
        let type = AnswerType.multiChoice(["childcare", "distance", "waiting_time"])
        #expect(type.parse("3, 1, 3") == .success(.choices(["waiting_time", "childcare"])))
        #expect(type.parse("1, nope") == .failure(.unknownChoice("nope")))
    }

    @Test func numberRangeDateTextAndLevel() {
        #expect(AnswerType.number(1...13).parse("14") == .failure(.outOfRange(1...13)))
        #expect(AnswerType.number(1...13).parse("zehn") == .failure(.notANumber))
        #expect(AnswerType.date.parse("29.02.2016") == .success(.date(LocalDate(year: 2016, month: 2, day: 29)!)))
        #expect(AnswerType.date.parse("29.02.2017") == .failure(.notADate))
        #expect(AnswerType.text(maxLength: 3).parse("abcd") == .failure(.tooLong(3)))
        #expect(AnswerType.cefrLevel.parse("b1") == .success(.level(.b1)))
        #expect(AnswerType.cefrLevel.parse("B3") == .failure(.notALevel))
    }

    @Test(arguments: [
        AnswerValue.yes(true), .choice("b"), .choices(["a", "c"]), .number(7),
        .date(LocalDate(year: 2018, month: 3, day: 1)!), .text("Aalen"), .level(.c1),
    ])
    func storedFormReadsBack(value: AnswerValue) {
        let types: [AnswerType] = [.yesNo, .choice(["a", "b"]), .multiChoice(["a", "b", "c"]), .number(0...9), .date, .text(maxLength: 10), .cefrLevel]
        #expect(types.contains { $0.decode(stored: value.stored) == value })
    }
}
