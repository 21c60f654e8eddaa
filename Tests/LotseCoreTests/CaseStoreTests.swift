import Foundation
import GRDB
@testable import LotseCore
import PluginKit
import Testing

@Suite struct CaseStoreTests {
    let store: CaseStore
    let on = TestStore.date("2018-03-01")

    init() throws {
        store = try TestStore.make()
        _ = try store.addMunicipality(name: "Stadt Aalen", kind: .city, fte: 1.5)
        _ = try store.addMunicipality(name: "Landratsamt Ostalbkreis", kind: .county, fte: 3)
        _ = try store.addStaff(name: "Petra Maier", municipality: "Stadt Aalen", role: .manager, fteShare: 0.5)
        _ = try store.addStaff(name: "Thomas Schmid", municipality: "Landratsamt Ostalbkreis", role: .lead, fteShare: 1)
    }

    func familyCase(open: Bool = true) throws -> (caseId: Int64, personId: Int64) {
        let result = try store.newCase(kind: .family, municipality: "stadt aalen", staff: "Petra Maier",
                                       person: TestStore.person("Haddad", "Amal", born: "1985", arrival: "2015-10-01", prospect: .high), open: open, on: on)
        return (result.caseFile.id!, result.personId)
    }

    /// Staff and municipalities are found by the beginnings of their names' words, when
    /// only one fits ("Aalen", "gmuend" for Gmünd, "Petra" or "maier"); several or none: not found.
    @Test func staffAndMunicipalitiesAreFoundByTheirNamesWords() throws {
        _ = try store.addMunicipality(name: "Stadt Schwäbisch Gmünd", kind: .city, fte: 3)
        _ = try store.addStaff(name: "Petra Wolf", municipality: "Stadt Aalen", role: .manager, fteShare: 0.5)
        let cases = { (municipality: String, staff: String?) in
            try self.store.newCase(kind: .family, municipality: municipality, staff: staff,
                                   person: TestStore.person("Haddad", "Amal", born: "1985"), open: true, on: self.on).caseFile
        }
        let aalen = try cases("Aalen", "maier")
        #expect(aalen.municipalityId == 1 && aalen.staffId == 1)
        #expect(try cases("gmuend", nil).municipalityId == 3)
        #expect(throws: UsageError.self) { try cases("Stadt", nil) }  // Stadt Aalen and Stadt Schwäbisch Gmünd
        #expect(throws: UsageError.self) { try cases("Aalen", "Petra") }  // Petra Maier and Petra Wolf
    }

    @Test func aNewFamilyCaseWithMembersReadsBackWhole() throws {
        let (caseId, amal) = try familyCase()
        let omar = try store.addPerson(to: caseId, TestStore.person("Haddad", "Omar", born: "2010-05-02"), from: on).personId
        let detail = try store.caseDetail(caseId)
        #expect(detail.caseFile.status == .active && detail.caseFile.openedOn == on)
        #expect(detail.municipality == "Stadt Aalen" && detail.staff == "Petra Maier")
        #expect(detail.members.map(\.person.id) == [amal, omar])
        #expect(detail.members[0].person.birth.description == "1985", "a year-only birth date stays year-only")
        #expect(detail.members[0].identity?.fullName == "Amal Haddad")
    }

    @Test func aLookalikePersonIsReportedAsAPossibleDuplicate() throws {
        let (caseId, amal) = try familyCase()
        let result = try store.newCase(kind: .individual, municipality: "Stadt Aalen", staff: nil,
                                       person: TestStore.person("HADDAD", "Amal", born: "1985-07-07"), open: false, on: on)
        #expect(result.similar.map(\.personId) == [amal])
        #expect(result.similar.first?.caseIds == [caseId])
        let stranger = try store.newCase(kind: .individual, municipality: "Stadt Aalen", staff: nil,
                                         person: TestStore.person("Tesfaye", "Yonas", born: "1990"), open: false, on: on)
        #expect(stranger.similar.isEmpty)
    }

    @Test func individualCasesAreForAdultsOnly() throws {
        #expect(throws: UsageError.self) {
            try store.newCase(kind: .individual, municipality: "Stadt Aalen", staff: nil, person: TestStore.person("Omar", "Ali", born: "2005-01-01"), open: true, on: on)
        }
    }

    @Test func closeReopenAndReassignFollowTheRules() throws {
        let (caseId, _) = try familyCase()
        #expect(throws: UsageError.self) { try store.closeCase(caseId, reason: "bored", on: on) }
        #expect(throws: UsageError.self) { try store.closeCase(caseId, reason: "moved_away", on: TestStore.date("2017-01-01")) }
        let closed = try store.closeCase(caseId, reason: "moved_away", on: TestStore.date("2019-01-02"))
        #expect(closed.status == .closed && closed.closureReason == "moved_away")
        #expect(throws: UsageError.self) { try store.closeCase(caseId, reason: "other", on: on) }
        let reopened = try store.reopenCase(caseId, on: TestStore.date("2019-02-01"))
        #expect(reopened.status == .active && reopened.closedOn == nil && reopened.openedOn == on)
        #expect(throws: UsageError.self) { try store.reassignCase(caseId, to: "Thomas Schmid") }
        #expect(throws: UsageError.self) { try store.reassignCase(caseId, to: "Nobody") }
    }

    @Test func factsAreValidatedAgainstModulesServicesAndMembers() throws {
        let (caseId, amal) = try familyCase()
        _ = try store.addConversation(caseId, on: on, kind: .family, topics: ["language", "school"], note: "Erstgespräch")
        #expect(throws: UsageError.self) { try store.addConversation(caseId, on: on, kind: .family, topics: ["cooking"], note: nil) }
        _ = try store.addReferral(caseId, personId: amal, on: on, service: "jobcenter", problem: "Bescheid", outcome: nil)
        #expect(throws: UsageError.self) { try store.addReferral(caseId, personId: amal, on: on, service: "post_office", problem: "x", outcome: nil) }
        let level = try store.addOutcome(caseId, personId: amal, module: "language", kind: "level_reached", value: "b1", on: on)
        #expect(level.value == "B1")
        #expect(throws: UsageError.self) { try store.addOutcome(caseId, personId: amal, module: "language", kind: "level_reached", value: nil, on: on) }
        #expect(throws: UsageError.self) { try store.addOutcome(caseId, personId: amal, module: "work", kind: "club", value: nil, on: on) }
        let other = try store.newCase(kind: .individual, municipality: "Stadt Aalen", staff: nil, person: TestStore.person("Tesfaye", "Yonas", born: "1990"), open: true, on: on)
        #expect("a person of another case") {
            try store.addOutcome(caseId, personId: other.personId, module: "work", kind: "employment", value: nil, on: on)
        } throws: { ($0 as? UsageError)?.message.key == "person.notInCase" }
        #expect("nor of a consent") {
            try store.addConsent(caseId, personId: other.personId, scope: "referral", recipient: "Jobcenter", givenOn: on, form: nil)
        } throws: { ($0 as? UsageError)?.message.key == "person.notInCase" }
        _ = try store.addConsent(caseId, personId: amal, scope: "referral", recipient: "Jobcenter", givenOn: on, form: nil)
        _ = try store.recordMove(caseId, on: on, to: "Stuttgart", leavesMunicipality: true)
        _ = try store.addNote(caseId, text: "Wohnung zu klein", on: on)
        #expect(throws: UsageError.self) { try store.addNote(caseId, text: "   ", on: on) }
        let detail = try store.caseDetail(caseId)
        #expect(detail.conversations.count == 1 && detail.referrals.count == 1 && detail.outcomes.count == 1)
        #expect(detail.moves.first?.leavesMunicipality == true && detail.notes.first?.text == "Wohnung zu klein")
    }

    @Test func aRefusedWriteLeavesNoTrace() throws {
        let (caseId, _) = try familyCase()
        let events = try TestStore.count(store, "auditEvent")
        #expect(throws: UsageError.self) { try store.addOutcome(caseId, personId: 999, module: "work", kind: "employment", value: nil, on: on) }
        #expect(throws: UsageError.self) { try store.newCase(kind: .family, municipality: "Nowhere", staff: nil, person: TestStore.person("A", "B", born: "1980"), open: true, on: on) }
        #expect(try TestStore.count(store, "auditEvent") == events)
        #expect(try TestStore.count(store, "outcome") == 0)
        #expect(try TestStore.count(store, "household") == 1)
    }

    @Test func consentsAndAttachments() throws {
        let folder = TestStore.temporaryFolder()
        let store = try TestStore.make(folder: folder)
        _ = try store.addMunicipality(name: "Stadt Aalen", kind: .city, fte: 1.5)
        let caseId = try store.newCase(kind: .family, municipality: "Stadt Aalen", staff: nil, person: TestStore.person("Haddad", "Amal", born: "1985"), open: true, on: on).caseFile.id!
        let form = folder.appendingPathComponent("Einwilligung Haddad.pdf")
        try Data("signed form".utf8).write(to: form)
        let consent = try store.addConsent(caseId, personId: nil, scope: "handover", recipient: "Stadt Schwäbisch Gmünd", givenOn: on, form: form)
        #expect(consent.isValid(on: on) && consent.attachmentId != nil)
        #expect(throws: UsageError.self) { try store.withdrawConsent(consent.id!, on: TestStore.date("2017-01-01")) }
        let withdrawn = try store.withdrawConsent(consent.id!, on: TestStore.date("2019-01-01"))
        #expect(!withdrawn.isValid(on: TestStore.date("2019-01-01")) && withdrawn.isValid(on: TestStore.date("2018-12-31")))
        #expect(throws: UsageError.self) { try store.withdrawConsent(consent.id!, on: TestStore.date("2019-02-01")) }
        let attachment = try store.caseDetail(caseId).attachments[0]
        let stored = store.attachmentsFolder.appendingPathComponent(attachment.storedName)
        #expect(attachment.originalName == "Einwilligung Haddad.pdf" && !attachment.storedName.contains("Haddad"))
        #expect(attachment.sha256 == "f3b0ce0ee413fb85f863a00982fb4b697be0732a3cd9eacf1feb52d15499e4e7")
        let mode = try FileManager.default.attributesOfItem(atPath: stored.path)[.posixPermissions] as? Int
        #expect(mode == 0o600)
        #expect(try Data(contentsOf: stored) == Data("signed form".utf8))
    }

    @Test func listFiltersAndPages() throws {
        for index in 0..<7 {
            _ = try store.newCase(kind: .individual, municipality: index < 5 ? "Stadt Aalen" : "Landratsamt Ostalbkreis", staff: nil,
                                  person: TestStore.person("Person\(index)", "X", born: "1980"), open: index % 2 == 0, on: on)
        }
        let page = try store.listCases(CaseFilter(municipality: "Stadt Aalen", page: 2, pageSize: 2))
        #expect(page.total == 5 && page.cases.map(\.id) == [3, 2])
        #expect(try store.listCases(CaseFilter(status: .waiting)).total == 3)
        #expect(try store.listCases(CaseFilter(status: .active, pageSize: 10)).cases.allSatisfy { $0.status == .active })
        #expect(throws: UsageError.self) { try store.listCases(CaseFilter(staff: "Nobody")) }
    }

    @Test func aNewDatabaseFileIsPrivateInWALModeWithForeignKeys() throws {
        let url = TestStore.temporaryFolder().appendingPathComponent("new/lotse.sqlite")
        let database = try LotseDatabase.open(at: url)
        let mode = try FileManager.default.attributesOfItem(atPath: url.path)[.posixPermissions] as? Int
        #expect(mode == 0o600)
        let (journal, foreignKeys, migrations) = try database.read { db in
            (try String.fetchOne(db, sql: "PRAGMA journal_mode"), try Bool.fetchOne(db, sql: "PRAGMA foreign_keys"),
             try Int.fetchOne(db, sql: "SELECT count(*) FROM grdb_migrations"))
        }
        #expect(journal == "wal" && foreignKeys == true && migrations == LotseDatabase.schemaVersions.count, "every migration applied once")
        _ = try LotseDatabase.open(at: url)  // opening again migrates nothing and keeps the data
        try Data("not a database, just text that is long enough to be read as a header".utf8).write(to: url.deletingLastPathComponent().appendingPathComponent("bad.sqlite"))
        #expect(throws: DataError.self) { try LotseDatabase.open(at: url.deletingLastPathComponent().appendingPathComponent("bad.sqlite")) }
    }
}
