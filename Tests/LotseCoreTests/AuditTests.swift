import GRDB
@testable import LotseCore
import Testing

@Suite struct AuditTests {
    /// A store with some history: a municipality, a case, a conversation.
    func storeWithHistory() throws -> CaseStore {
        let store = try TestStore.make()
        _ = try store.addMunicipality(name: "Stadt Aalen", kind: .city, fte: 1.5)
        let caseId = try store.newCase(kind: .family, municipality: "Stadt Aalen", staff: nil,
                                       person: TestStore.person("Haddad", "Amal", born: "1985"), open: true, on: TestStore.date("2018-03-01")).caseFile.id!
        _ = try store.addConversation(caseId, on: TestStore.date("2018-03-02"), kind: .family, topics: ["language"], note: "Erstgespräch")
        return store
    }

    func tamper(_ store: CaseStore, _ sql: String) throws {
        try store.database.write { try $0.execute(sql: sql) }
    }

    @Test func anUntouchedLogVerifiesAndRecordsChangesAndReads() throws {
        let store = try storeWithHistory()
        _ = try store.caseDetail(1)
        let result = try store.verifyAudit()
        #expect(result.isIntact)
        #expect(result.events == Int64(try TestStore.count(store, "auditEvent")))
        let actions = try store.database.read { try String.fetchAll($0, sql: "SELECT DISTINCT action FROM auditEvent ORDER BY action") }
        #expect(actions == ["create", "read"])
        let holdsName = try store.database.read {
            try Bool.fetchOne($0, sql: "SELECT EXISTS (SELECT 1 FROM auditEvent WHERE actor || entity || ifnull(field, '') || ifnull(valueHash, '') LIKE '%Haddad%')")
        }
        #expect(holdsName == false, "the chain holds hashes, never names")
    }

    @Test func anEditedEventIsNamed() throws {
        let store = try storeWithHistory()
        try tamper(store, "UPDATE auditEvent SET actor = 'someone else' WHERE seq = 3")
        #expect(try store.verifyAudit().problems.map(TestStore.english) == ["event 3 was changed (its hash does not match its content)"])
    }

    @Test func aDeletedEventIsNamed() throws {
        let store = try storeWithHistory()
        try tamper(store, "DELETE FROM auditValue WHERE seq = 4; DELETE FROM auditEvent WHERE seq = 4")
        #expect(try store.verifyAudit().problems.first.map(TestStore.english) == "events 4–4 are missing (deleted)")
    }

    @Test func cuttingOffTheLastEventsIsDetected() throws {
        let store = try storeWithHistory()
        let count = try TestStore.count(store, "auditEvent")
        try tamper(store, "DELETE FROM auditValue WHERE seq > \(count - 3); DELETE FROM auditEvent WHERE seq > \(count - 3)")
        let problems = try store.verifyAudit().problems.map(TestStore.english)
        // The cut is named first; the rows those events described then differ from the log too.
        #expect(problems.first == "the log ends at event \(count - 3) but its head records \(count): 3 events missing at the end", "\(problems)")
        #expect(problems.dropFirst().allSatisfy { $0.hasPrefix("conversation 1 ") && $0.hasSuffix("changed outside lotse") }, "\(problems)")
    }

    @Test func anEditedValueIsNamedButARemovedValueIsFine() throws {
        let store = try storeWithHistory()
        try tamper(store, "UPDATE auditValue SET value = 'Müller' WHERE value = 'Haddad'")
        let seq = try store.database.read { try Int.fetchOne($0, sql: "SELECT seq FROM auditValue WHERE value = 'Müller'")! }
        #expect(try store.verifyAudit().problems.map(TestStore.english) == ["the value of event \(seq) was changed"])
        try tamper(store, "DELETE FROM auditValue")
        #expect(try store.verifyAudit().isIntact, "archiving removes values; the chain stays valid")
    }
}
