import PluginKit
import Testing

@Suite struct LocalDateTests {
    @Test func parsesIsoAndGermanAndRejectsImpossibleDates() {
        #expect(LocalDate(parsing: "29.02.2016")?.iso == "2016-02-29")
        #expect(LocalDate(parsing: "1.3.2018")?.iso == "2018-03-01")
        #expect(LocalDate(parsing: "2018-02-30") == nil)
        #expect(LocalDate(parsing: "2018-2-3") == nil)
        #expect(LocalDate(parsing: "") == nil)
    }

    @Test func isoTextRoundTripsAndOnlyItsExactShapeIsRead() {
        for offset in stride(from: -800_000, through: 1_000_000, by: 997) {
            let date = LocalDate(year: 2000, month: 1, day: 1)!.adding(days: offset)
            #expect(LocalDate(iso: date.iso) == date)
        }
        #expect(LocalDate(year: 7, month: 3, day: 9)!.iso == "0007-03-09")
        for malformed in ["2018-02-30", "2018-13-01", "2018-3-01", "2018-03-011", "2018/03/01", "2018-03-0a", " 2018-03-01", "2018-03-01 ", "", "0000-01-01",
                          "2018x03-01", "2018003-01", "2018.03-01", "2018-03x01", "2018-0:-01", "2018-03-:1"] {
            #expect(LocalDate(iso: malformed) == nil, "\(malformed)")
        }
    }

    @Test func monthArithmeticClampsToMonthEnd() {
        let date = LocalDate(year: 2018, month: 1, day: 31)!
        #expect(date.adding(months: 1).iso == "2018-02-28")
        #expect(date.adding(months: 13).iso == "2019-02-28")
        #expect(date.adding(months: -2).iso == "2017-11-30")
    }

    @Test func dayNumbersRoundTrip() {
        let start = LocalDate(year: 1999, month: 12, day: 25)!
        for offset in stride(from: -800, through: 800, by: 37) {
            let moved = start.adding(days: offset)
            #expect(moved.dayNumber - start.dayNumber == offset)
        }
        #expect(LocalDate(year: 1970, month: 1, day: 1)!.dayNumber == 0)
        #expect(LocalDate(year: 2016, month: 3, day: 1)!.adding(days: -1).iso == "2016-02-29")
    }

    @Test func ageCountsFullYears() {
        let birth = LocalDate(year: 2000, month: 6, day: 15)!
        #expect(birth.age(on: LocalDate(year: 2018, month: 6, day: 14)!) == 17)
        #expect(birth.age(on: LocalDate(year: 2018, month: 6, day: 15)!) == 18)
    }
}
