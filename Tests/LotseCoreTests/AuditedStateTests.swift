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
        _ = try DemoCounty(households: 3).write(to: folder)
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
        #expect(try problems(store) == ["appUser \(user) roles: changed outside lotse", "appUser \(user) staffId: changed outside lotse"])
    }

    @Test func aReplacedPasswordHashIsNamedButLoginCountersAreNot() throws {
        let store = try store()
        let user = try id(store, "SELECT id FROM appUser WHERE name = 'anna'")
        try tamper(store, "UPDATE appUser SET failedLogins = 3, lockedUntil = '2026-01-05T10:00:00Z' WHERE id = \(user)")
        #expect(try problems(store) == [])
        try tamper(store, "UPDATE appUser SET passwordHash = 'pbkdf2$1$x$y' WHERE id = \(user)")
        #expect(try problems(store) == ["appUser \(user) passwordHash: changed outside lotse"])
        try store.setPassword("anna", "ein-neues-passwort")  // lotse's own change is audited
        #expect(try problems(store) == [])
    }

    @Test func aChangedNameIsNamedInLotsesOwnAndInImportedRows() throws {
        let store = try store()
        let own = try id(store, "SELECT personId FROM personIdentity WHERE givenNames = 'Omar'")
        let imported = try id(store, "SELECT p.id FROM person p WHERE p.sourceRef LIKE 'legacy:%' LIMIT 1")
        try tamper(store, "UPDATE personIdentity SET familyName = 'Müller' WHERE personId IN (\(own), \(imported))")
        #expect(try problems(store) == ["personIdentity \(own) familyName: changed outside lotse", "personIdentity \(imported) familyName: changed outside lotse"])
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
        #expect(try problems(store) == ["personIdentity \(min(own, imported)): deleted outside lotse", "personIdentity \(max(own, imported)): deleted outside lotse"])
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
                #expect(!rows.isEmpty)
                for row in rows {
                    #expect(AuditedState.rowText(row, table, columns: columns) == row[columns.count + 1] as String, "\(table.name) \(row[0] as Int64)")
                }
            }
        }
    }
}
