import Foundation
import GRDB
@testable import LotseCore
import Testing

/// Archiving keeps a case's pseudonymous facts and removes its personal data; purging
/// leaves nothing of the case but its line in the purge log. Checked table by table on
/// the richest case of an imported demo county.
@Suite struct ArchiveTests {
    func count(_ store: CaseStore, _ sql: String, _ arguments: StatementArguments) throws -> Int {
        try store.database.read { try Int.fetchOne($0, sql: sql, arguments: arguments) ?? 0 }
    }

    @Test func archiveBlanksPersonalDataAndPurgeLeavesNoRow() throws {
        let store = try TestStore.make()
        let folder = TestStore.temporaryFolder()
        _ = try DemoCounty(households: 40).write(to: folder)
        _ = try LegacyImporter(store: store).run(folder: folder)
        // An active case with an open goal, given a dropped goal, a conversation note, a
        // referral, a move, a case note and a file: personal data in every place it can be.
        let (caseId, goalId) = try store.database.read { db in
            let row = try Row.fetchOne(db, sql: """
                SELECT a.caseId, g.id FROM goal g JOIN agreement a ON a.id = g.agreementId JOIN caseFile c ON c.id = a.caseId
                 WHERE g.status = 'open' AND c.status = 'active' ORDER BY g.id LIMIT 1
                """)!
            return (row[0] as Int64, row[1] as Int64)
        }
        let on = TestStore.date("2018-12-01")
        _ = try store.recordReview(caseId, on: on, decisions: [goalId: .dropped(reason: "Kurs abgebrochen, Kind krank")], templates: [:], nextReviewOn: nil)
        _ = try store.addConversation(caseId, on: on, kind: .family, topics: ["language"], note: "Gespräch über die Wohnung")
        _ = try store.addReferral(caseId, personId: nil, on: on, service: "debt_counselling", problem: "Schulden beim Vermieter", outcome: "Ratenplan")
        _ = try store.recordMove(caseId, on: on, to: "Hauptstraße 5, Aalen", leavesMunicipality: false)
        _ = try store.addNote(caseId, text: "Vertrauliche Notiz", on: on)
        let file = folder.appendingPathComponent("bescheid.pdf")
        try Data("%PDF-1.4 Bescheid".utf8).write(to: file)
        _ = try store.attach(caseId, file: file, on: on)
        let byCase: StatementArguments = [caseId]
        let persons = try store.database.read { db in
            try Int64.fetchAll(db, sql: "SELECT hm.personId FROM householdMember hm JOIN caseFile c ON c.householdId = hm.householdId WHERE c.id = ?", arguments: byCase)
        }
        #expect(!persons.isEmpty)
        let personal = [
            "SELECT count(*) FROM conversation WHERE caseId = ? AND note IS NOT NULL",
            "SELECT count(*) FROM referral WHERE caseId = ? AND (problem <> '' OR outcome IS NOT NULL)",
            "SELECT count(*) FROM goal g JOIN agreement a ON a.id = g.agreementId WHERE a.caseId = ? AND g.note IS NOT NULL",
            "SELECT count(*) FROM goalReview r JOIN goal g ON g.id = r.goalId JOIN agreement a ON a.id = g.agreementId WHERE a.caseId = ? AND r.note IS NOT NULL",
            "SELECT count(*) FROM move WHERE caseId = ? AND destination <> ''",
            "SELECT count(*) FROM caseNote WHERE caseId = ?", "SELECT count(*) FROM attachment WHERE caseId = ?",
        ]
        for sql in personal { #expect(try count(store, sql, byCase) > 0, "\(sql)") }
        let values = "SELECT v.value FROM auditValue v JOIN auditEvent e ON e.seq = v.seq WHERE e.caseId = ? ORDER BY v.seq"
        #expect(try store.database.read { try String?.fetchAll($0, sql: values, arguments: byCase) }.contains("Vertrauliche Notiz"))

        _ = try store.closeCase(caseId, reason: "integration_completed", on: TestStore.date("2019-01-05"))
        _ = try store.stripPersonalData(caseId, bundleFile: "lotse-archive-case-\(caseId).zip", sha256: "0", on: TestStore.date("2019-02-01"))
        for sql in personal + ["SELECT count(*) FROM answer WHERE caseId = ?", "SELECT count(*) FROM intakeSession WHERE caseId = ?"] {
            #expect(try count(store, sql, byCase) == 0, "\(sql)")
        }
        // What is left of the log's values: the archiving's own status change.
        #expect(try store.database.read { try String?.fetchAll($0, sql: values, arguments: byCase) } == [CaseStatus.archived.rawValue])
        let identities = "SELECT count(*) FROM personIdentity WHERE personId IN (\(persons.map(String.init).joined(separator: ",")))"
        #expect(try count(store, identities, []) == 0)
        #expect(try count(store, "SELECT count(*) FROM caseFile WHERE id = ? AND status = 'archived'", byCase) == 1)
        #expect(try store.archiveIndex().map(\.caseId) == [caseId])
        #expect(try count(store, "SELECT count(*) FROM conversation WHERE caseId = ?", byCase) > 0, "the facts stay")

        let candidate = try #require(try store.purgeCandidates(retentionYears: 1, on: TestStore.date("2026-01-05")).first { $0.caseId == caseId })
        try store.purge(candidate, on: TestStore.date("2026-01-05"))
        let tables = try store.database.read { db in
            try String.fetchAll(db, sql: """
                SELECT m.name FROM sqlite_master m JOIN pragma_table_info(m.name) p
                 WHERE m.type = 'table' AND p.name = 'caseId' AND m.name NOT IN ('auditEvent', 'importedRow') ORDER BY m.name
                """)
        }
        #expect(tables.count >= 12)
        for table in tables { #expect(try count(store, "SELECT count(*) FROM \(table) WHERE caseId = ?", byCase) == 0, "\(table)") }
        #expect(try count(store, "SELECT count(*) FROM goalReview WHERE goalId NOT IN (SELECT id FROM goal)", []) == 0)
        #expect(try count(store, "SELECT count(*) FROM caseFile WHERE id = ?", byCase) == 0)
        #expect(try count(store, "SELECT count(*) FROM person WHERE id IN (\(persons.map(String.init).joined(separator: ",")))", []) == 0)
        #expect(try count(store, "SELECT count(*) FROM purgeLog WHERE caseRef = ? AND purgedOn = '2026-01-05'", ["case \(caseId)"]) == 1)
        #expect(try store.verifyAudit().problems.isEmpty)
    }
}
