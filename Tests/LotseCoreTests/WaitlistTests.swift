import LotseCore
import PluginKit
import Testing

@Suite struct WaitlistTests {
    /// Aalen with 0.1 FTE has 8 places (82 per FTE, rounded down).
    @Test func admissionFollowsTheReferenceRuleAndSkipsHouseholdsTooLarge() throws {
        let store = try TestStore.make()
        _ = try store.addMunicipality(name: "Stadt Aalen", kind: .city, fte: 0.1)
        let on = TestStore.date("2018-03-01")
        func waiting(_ name: String, arrival: String, prospect: StayProspect, since: String, members: Int = 1) throws -> Int64 {
            let created = try store.newCase(kind: .family, municipality: "Stadt Aalen", staff: nil,
                                            person: TestStore.person(name, "A", born: "1980", arrival: arrival, prospect: prospect),
                                            open: false, on: TestStore.date(since))
            for index in 1..<max(1, members) {
                _ = try store.addPerson(to: created.caseFile.id!, TestStore.person(name, "Kind\(index)", born: "2010"), from: TestStore.date(since))
            }
            return created.caseFile.id!
        }
        let late = try waiting("Spät", arrival: "2017-05-01", prospect: .high, since: "2018-01-01")
        let unknownProspect = try waiting("Unklar", arrival: "2015-06-01", prospect: .unknown, since: "2018-01-01")
        let bigFamily = try waiting("Groß", arrival: "2015-09-01", prospect: .high, since: "2018-01-05", members: 9)
        let early = try waiting("Früh", arrival: "2016-02-29", prospect: .high, since: "2018-01-10", members: 3)
        let medium = try waiting("Mittel", arrival: "2015-01-01", prospect: .medium, since: "2018-01-02", members: 2)

        let order = try store.waitlist(on: on).map(\.caseId)
        #expect(order == [bigFamily, early, medium, unknownProspect, late],
                "window first (29.02.2016 counts), then prospect, then waiting time")
        #expect(try store.waitlist(on: on, eligibility: .vwv2023).map(\.caseId) == [late, unknownProspect, medium, bigFamily, early],
                "VwV 2023: no arrival window, no prospect: who waited longest")
        try store.correctPerson(try store.caseDetail(early).members[0].person.id!, residence: "temporary_protection")
        #expect(try store.waitlist(on: on, eligibility: .vwv2023).filter(\.displacedFromUkraine).map(\.caseId) == [early])

        let admission = try store.admit(personsPerFTE: 82, on: on)
        #expect(admission.skipped.map(\.caseId) == [bigFamily], "9 persons do not fit 8 places")
        #expect(admission.admitted.map(\.caseId) == [early, medium, unknownProspect, late],
                "after the large family is skipped, 3 + 2 + 1 + 1 persons fit the 8 places")
        #expect(admission.capacities.first?.inCare == 7 && admission.capacities.first?.free == 1)
        #expect(try store.caseDetail(early).caseFile.status == .active)
        #expect(try store.waitlist(on: on).map(\.caseId) == [bigFamily])
        let next = try store.admit(personsPerFTE: 82, on: on)
        #expect(next.admitted.isEmpty && next.skipped.first?.freePlaces == 1)
    }
}
