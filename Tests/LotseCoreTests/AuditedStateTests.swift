import Foundation
import GRDB
@testable import LotseCore
import Testing

/// `audit verify` compares today's rows with what the audit log recorded: a change made
/// behind lotse's back (sqlite3 on the file) is named; lotse's own archiving, erasure
/// and purging are not false alarms.
@Suite struct AuditedStateTests {
    /// A municipality, a manager and their user, a family case of two, another case;
    /// plus a small legacy import (rows checked by the import's digest).
    func store() throws -> CaseStore {
        let store = try TestStore.make()
        _ = try store.addMunicipality(name: "Testhausen", kind: .city, fte: 1.5)
        _ = try store.addStaff(name: "Anna Berger", municipality: "Testhausen", role: .manager, fteShare: 1)
        try store.addUser(name: "anna", osUser: "anna", roles: [.manager], staff: "Anna Berger", countyWide: false,
                          password: "geheim-geheim-1", on: TestStore.date("2026-01-05"))
        let family = try store.newCase(kind: .family, municipality: "Testhausen", staff: "Anna Berger",
                                       person: TestStore.person("Haddad", "Amal", born: "1985"), open: true, on: TestStore.date("2018-03-01"))
        _ = try store.addPerson(to: family.caseFile.id!, TestStore.person("Haddad", "Omar", born: "2012"), from: TestStore.date("2018-03-01"))
        _ = try store.newCase(kind: .individual, municipality: "Testhausen", staff: nil,
                              person: TestStore.person("Nowak", "Jan", born: "1990"), open: true, on: TestStore.date("2019-04-01"))
        let folder = TestStore.temporaryFolder()
        _ = try DemoCounty(households: 6).write(to: folder)
        _ = try LegacyImporter(store: store).run(folder: folder)
        return store
    }

    func tamper(_ store: CaseStore, _ sql: String) throws {
        try store.database.write { try $0.execute(sql: sql) }
    }

    func problems(_ store: CaseStore) throws -> [String] { try store.verifyAudit().problems.map(TestStore.english) }

    func id(_ store: CaseStore, _ sql: String) throws -> Int64 {
        try store.database.read { try Int64.fetchOne($0, sql: sql)! }
    }

    @Test func untouchedDataMatchesItsLog() throws {
        let store = try store()
        #expect(try problems(store) == [])
    }

    @Test func aRaisedRoleIsNamed() throws {
        let store = try store()
        let user = try id(store, "SELECT id FROM appUser WHERE name = 'anna'")
        try tamper(store, "UPDATE appUser SET roles = 'manager,lead,admin,auditor', staffId = NULL WHERE id = \(user)")
        #expect(try problems(store) == ["user \(user) roles: changed outside lotse", "user \(user) staffId: changed outside lotse"])
    }

    @Test func aReplacedPasswordHashIsNamedButLoginCountersAreNot() throws {
        let store = try store()
        let user = try id(store, "SELECT id FROM appUser WHERE name = 'anna'")
        try tamper(store, "UPDATE appUser SET failedLogins = 3, lockedUntil = '2026-01-05T10:00:00Z' WHERE id = \(user)")
        #expect(try problems(store) == [])
        try tamper(store, "UPDATE appUser SET passwordHash = 'pbkdf2$1$x$y' WHERE id = \(user)")
        #expect(try problems(store) == ["user \(user) passwordHash: changed outside lotse"])
        try store.setPassword("anna", "ein-neues-passwort")  // lotse's own change is audited
        #expect(try problems(store) == [])
    }

    @Test func aChangedNameIsNamedInLotsesOwnAndInImportedRows() throws {
        let store = try store()
        let own = try id(store, "SELECT personId FROM personIdentity WHERE givenNames = 'Omar'")
        let imported = try id(store, "SELECT p.id FROM person p WHERE p.sourceRef LIKE 'legacy:%' LIMIT 1")
        try tamper(store, "UPDATE personIdentity SET familyName = 'Müller' WHERE personId IN (\(own), \(imported))")
        #expect(try problems(store) == ["personal details \(own) familyName: changed outside lotse", "personal details \(imported) familyName: changed outside lotse"])
    }

    @Test func anInsertedRowIsNamed() throws {
        let store = try store()
        try tamper(store, "INSERT INTO municipality (id, name, kind, fte) VALUES (900, 'Schattenstadt', 'city', 1)")
        #expect(try problems(store) == ["municipality 900: inserted outside lotse"])
    }

    @Test func aDeletedRowIsNamedInLotsesOwnAndInImportedRows() throws {
        let store = try store()
        let own = try id(store, "SELECT personId FROM personIdentity WHERE givenNames = 'Jan'")
        let imported = try id(store, "SELECT personId FROM personIdentity i JOIN person p ON p.id = i.personId WHERE p.sourceRef LIKE 'legacy:%' LIMIT 1")
        try tamper(store, "DELETE FROM personIdentity WHERE personId IN (\(own), \(imported))")
        #expect(try problems(store) == ["personal details \(min(own, imported)): deleted outside lotse", "personal details \(max(own, imported)): deleted outside lotse"])
    }

    @Test func theImportsOwnRecordCannotBeRewrittenToMatch() throws {
        let store = try store()
        let imported = try id(store, "SELECT id FROM caseFile WHERE sourceRef LIKE 'legacy:%' LIMIT 1")
        // Changing the row and the import's record of it together: the row digest no longer
        // matches the import's digest in the chain.
        try tamper(store, """
            UPDATE caseFile SET staffId = NULL WHERE id = \(imported);
            UPDATE importedRow SET rowText = NULL, salt = NULL, digest = 'x' WHERE entity = 'caseFile' AND entityId = \(imported);
            """)
        #expect(try problems(store) == ["importBatch 1: the rows it created were changed outside lotse"])
    }

    @Test func lotsesOwnChangesToImportedRowsAreNoFalseAlarm() throws {
        let store = try store()
        let imported = try id(store, "SELECT id FROM caseFile WHERE sourceRef LIKE 'legacy:%' AND status = 'active' LIMIT 1")
        _ = try store.closeCase(imported, reason: "integration_completed", on: TestStore.date("2026-01-05"))
        #expect(try problems(store) == [])
    }

    @Test func archiveErasureAndPurgeAreNoFalseAlarms() throws {
        let store = try store()
        let family = try id(store, "SELECT id FROM caseFile WHERE kind = 'family' AND sourceRef IS NULL")
        let imported = try id(store, "SELECT id FROM caseFile WHERE sourceRef LIKE 'legacy:%' AND status = 'active' LIMIT 1")
        for caseId in [family, imported] {
            _ = try store.closeCase(caseId, reason: "integration_completed", on: TestStore.date("2019-01-05"))
            _ = try store.stripPersonalData(caseId, bundleFile: "lotse-archive-case-\(caseId).zip", sha256: "0", on: TestStore.date("2019-02-01"))
        }
        #expect(try problems(store) == [])
        let jan = try id(store, "SELECT personId FROM personIdentity WHERE givenNames = 'Jan'")
        let janCase = try id(store, "SELECT id FROM caseFile WHERE personId = \(jan)")
        _ = try store.closeCase(janCase, reason: "integration_completed", on: TestStore.date("2019-05-05"))
        try store.erasePerson(jan, reason: "Art. 17 request", retentionYears: 1, on: TestStore.date("2026-01-05"))
        #expect(try problems(store) == [])
        for candidate in try store.purgeCandidates(retentionYears: 1, on: TestStore.date("2026-01-05")) {
            try store.purge(candidate, on: TestStore.date("2026-01-05"))
        }
        #expect(try problems(store) == [])
    }

    @Test func sqliteBuildsTheSameRowTextAsSwift() throws {
        let store = try store()
        try store.database.read { db in
            for table in AuditedState.tables where table.fieldNames.isEmpty {
                let (columns, sql) = try AuditedState.columns(table, db)
                guard let sql else { continue }  // tables with REAL columns are built in Swift only
                let rows = try Row.fetchAll(db, sql: "SELECT \(table.key), \(columns.joined(separator: ", ")), \(sql) FROM \(table.name)")
                #expect(!rows.isEmpty || table.imported == nil, "\(table.name) has no rows")
                for row in rows {
                    #expect(AuditedState.rowText(row, table, columns: columns) == row[columns.count + 1] as String, "\(table.name) \(row[0] as Int64)")
                }
            }
        }
    }

    /// Every table with case content is checked row by row (issue #32): each kind of
    /// change made with sqlite3 is named, and lotse's own writes are no false alarm.
    @Test func everyKindOfTamperingWithCaseContentIsNamed() throws {
        func fresh() throws -> (CaseStore, [String: Int64]) {
            let store = try store()
            let family = try id(store, "SELECT id FROM caseFile WHERE personId IS NULL AND sourceRef IS NULL")
            let jan = try id(store, "SELECT id FROM caseFile WHERE personId = (SELECT personId FROM personIdentity WHERE givenNames = 'Jan')")
            let file = TestStore.temporaryFolder().appendingPathComponent("form.txt")
            try Data("Einwilligung".utf8).write(to: file)
            var ids: [String: Int64] = ["family": family]
            ids["note"] = try store.addNote(family, text: "erste Zeile\nzweite Zeile", on: TestStore.date("2019-01-10")).id!
            ids["conversation"] = try store.addConversation(family, on: TestStore.date("2019-01-10"), kind: .family, topics: ["language"], note: "gut").id!
            ids["attachment"] = try store.attach(family, file: file, on: TestStore.date("2019-01-10")).id!
            ids["consent"] = try store.addConsent(family, personId: nil, scope: "handover", recipient: "Stadt Ulm", givenOn: TestStore.date("2019-01-10"), form: nil).id!
            try store.markHandedOver(jan, bundleId: "b-1", receiver: "Stadt Ulm", on: TestStore.date("2019-06-01"), sha256: String(repeating: "a", count: 64), withoutConsent: nil)
            ids["handover"] = try id(store, "SELECT id FROM handover")
            ids["goal"] = try id(store, "SELECT min(id) FROM goal")
            ids["member"] = try id(store, "SELECT min(personId) FROM householdMember")
            #expect(try problems(store) == [], "lotse's own writes")
            return (store, ids)
        }
        let kinds: [(String, ([String: Int64]) -> String, ([String: Int64]) -> String)] = [
            ("a note deleted", { "DELETE FROM caseNote WHERE id = \($0["note"]!)" }, { "note \($0["note"]!): deleted outside lotse" }),
            ("a conversation deleted", { "DELETE FROM conversation WHERE id = \($0["conversation"]!)" }, { "conversation \($0["conversation"]!): deleted outside lotse" }),
            ("an attachment deleted", { "DELETE FROM attachment WHERE id = \($0["attachment"]!)" }, { "attachment \($0["attachment"]!): deleted outside lotse" }),
            ("a handover deleted", { "DELETE FROM handover WHERE id = \($0["handover"]!)" }, { "handover \($0["handover"]!): deleted outside lotse" }),
            ("a household member deleted", { "DELETE FROM householdMember WHERE personId = \($0["member"]!)" }, { "household member \($0["member"]!): deleted outside lotse" }),
            ("a goal's status changed", { "UPDATE goal SET status = CASE status WHEN 'achieved' THEN 'dropped' ELSE 'achieved' END WHERE id = \($0["goal"]!)" },
             { "goal \($0["goal"]!) status: changed outside lotse" }),
            ("a note's text changed", { "UPDATE caseNote SET text = 'anders' WHERE id = \($0["note"]!)" }, { "note \($0["note"]!) text: changed outside lotse" }),
            ("a consent inserted", { "INSERT INTO consent (caseId, scope, recipient, givenOn) VALUES (\($0["family"]!), 'handover', 'Stadt Ulm', '2019-01-01')" },
             { "consent \($0["consent"]! + 1): inserted outside lotse" }),
            ("a note inserted", { "INSERT INTO caseNote (caseId, writtenOn, text) VALUES (\($0["family"]!), '2019-01-01', 'untergeschoben')" },
             { "note \($0["note"]! + 1): inserted outside lotse" }),
        ]
        for (kind, sql, expected) in kinds {
            let (store, ids) = try fresh()
            try tamper(store, sql(ids))
            let found = try problems(store)
            #expect(found.contains(expected(ids)), "\(kind): \(found)")
        }
    }

    /// Cutting the last events off and rewriting the head to match is found: the head
    /// is sealed with the installation's key, which sqlite3 does not have.
    @Test func aRewrittenHeadIsFoundByItsSeal() throws {
        let store = try store()
        let count = try TestStore.count(store, "auditEvent")
        try store.database.writeWithoutTransaction { db in  // as sqlite3 would, outside lotse's write door
            try db.execute(sql: """
                DELETE FROM auditValue WHERE seq > \(count - 11); DELETE FROM auditEvent WHERE seq > \(count - 11);
                UPDATE auditHead SET count = \(count - 11), lastHash = (SELECT hash FROM auditEvent WHERE seq = \(count - 11)) WHERE id = 1
                """)
        }
        #expect(try problems(store).first == "the audit log's head is not sealed with the installation's key: the log or its head was changed outside lotse (or the key replaced)")
        _ = try store.addNote(1, text: "danach", on: TestStore.date("2019-02-01"))
        #expect(try problems(store).contains { $0.hasPrefix("the audit log's head is not sealed") }, "a later write does not seal a broken head")
    }
}
