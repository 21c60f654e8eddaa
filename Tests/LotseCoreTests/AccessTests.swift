import Foundation
import GRDB
@testable import LotseCore
import PluginKit
import Testing

/// Roles and municipalities decide what the store does, whoever calls it (CLI, REPL,
/// kiosk); refusals are audited; logins lock after five failures.
@Suite struct AccessTests {
    /// Two municipalities with a case each, staff, and one user per role (Aalen's
    /// manager and lead are linked to Aalen's staff).
    func county() throws -> CaseStore {
        let admin = try TestStore.make()
        let on = TestStore.date("2018-03-01")
        for name in ["Stadt Aalen", "Stadt Ellwangen"] {
            _ = try admin.addMunicipality(name: name, kind: .city, fte: 1)
            _ = try admin.newCase(kind: .family, municipality: name, staff: nil,
                                  person: TestStore.person("Haddad", "Amal", born: "1985"), open: true, on: on)
        }
        _ = try admin.addStaff(name: "Frau Keller", municipality: "Stadt Aalen", role: .manager, fteShare: 1)
        _ = try admin.addStaff(name: "Herr Braun", municipality: "Stadt Aalen", role: .lead, fteShare: 0.5)
        let users: [(String, Role, String?)] = [("keller", .manager, "Frau Keller"), ("braun", .lead, "Herr Braun"),
                                                ("it", .admin, nil), ("pruefer", .auditor, nil)]
        for (name, role, staff) in users {
            try admin.addUser(name: name, osUser: nil, roles: [role], staff: staff, countyWide: false, password: "a good password", on: on)
        }
        return admin
    }

    func acting(as name: String, in store: CaseStore) throws -> CaseStore {
        CaseStore(database: store.database, principal: try Accounts(database: store.database).login(name: name, password: "a good password", terminal: "/dev/pts/1"),
                  vocabulary: store.vocabulary, attachmentsFolder: store.attachmentsFolder)
    }

    /// Each role against one operation of every permission: allowed or refused.
    @Test func roleMatrix() throws {
        let store = try county()
        let on = TestStore.date("2019-01-01")
        let operations: [(String, (CaseStore) throws -> Void)] = [
            ("show own case", { _ = try $0.caseDetail(1) }),
            ("show other municipality's case", { _ = try $0.caseDetail(2) }),
            ("record conversation", { _ = try $0.addConversation(1, on: on, kind: .individual, topics: ["work"], note: nil) }),
            ("reassign", { _ = try $0.reassignCase(1, to: "Frau Keller") }),
            ("batch close candidates", { _ = try $0.closureCandidates(.inactive, on: on, inactiveMonths: 6, maxCareYears: 3) }),
            ("archive candidates", { _ = try $0.archiveCandidates(closedBefore: on) }),
            ("add user", { try $0.addUser(name: "neu-\(UUID().uuidString.prefix(6))", osUser: nil, roles: [.auditor], staff: nil,
                                          countyWide: false, password: "another password", on: on) }),
            ("add municipality", { _ = try $0.addMunicipality(name: "Gemeinde \(UUID().uuidString.prefix(6))", kind: .city, fte: 0.5) }),
            ("audit log", { _ = try $0.auditLog(caseId: 1) }),
            ("list municipalities", { _ = try $0.municipalities() }),
        ]
        let allowed: [String: Set<String>] = [
            "keller": ["show own case", "record conversation", "list municipalities"],
            "braun": ["show own case", "reassign", "batch close candidates", "list municipalities"],
            "it": ["archive candidates", "add user", "add municipality", "audit log", "list municipalities"],
            "pruefer": ["audit log", "list municipalities"],
        ]
        for (user, expected) in allowed {
            let actor = try acting(as: user, in: store)
            for (name, operation) in operations {
                let result = Result { try operation(actor) }
                if expected.contains(name) {
                    #expect(throws: Never.self, "\(user): \(name)") { try result.get() }
                } else {
                    #expect(throws: AccessDenied.self, "\(user): \(name)") { try result.get() }
                }
            }
        }
        let refusals = try store.database.read {
            try Int.fetchOne($0, sql: "SELECT count(*) FROM auditEvent WHERE action = 'refused' AND actor = 'pruefer'")
        }
        #expect(refusals == operations.count - 2)
        #expect(try store.verifyAudit().isIntact)
    }

    /// Lists show only the user's municipality; the message of a refusal names the role.
    @Test func listsAreScopedAndRefusalsSayWhatIsNeeded() throws {
        let store = try county()
        let manager = try acting(as: "keller", in: store)
        #expect(try manager.listCases(CaseFilter()).cases.map(\.id) == [1])
        #expect(try manager.findPersons(nameParts: ["Haddad"], bornIn: nil).count == 1)
        #expect(try store.listCases(CaseFilter()).cases.count == 2)
        do {
            _ = try acting(as: "pruefer", in: store).caseDetail(1)
            Issue.record("the auditor read a case")
        } catch let error as AccessDenied {
            let text = TestStore.english(error.message)
            #expect(error.message.key == "error.denied.role" && text.contains("needs the role manager or lead") && text.contains("pruefer"))
        }
    }

    /// A manager or lead needs a staff record, or the explicit county-wide flag.
    @Test func managersBelongToAMunicipality() throws {
        let store = try county()
        #expect(throws: UsageError.self) {
            try store.addUser(name: "ohne", osUser: nil, roles: [.manager], staff: nil, countyWide: false, password: "a good password", on: .today)
        }
        try store.addUser(name: "kreis", osUser: nil, roles: [.lead], staff: nil, countyWide: true, password: "a good password", on: .today)
        #expect(try acting(as: "kreis", in: store).listCases(CaseFilter()).cases.count == 2)
    }

    /// Five failures of one name at one terminal make that terminal wait (30 s, then
    /// twice as long each time), the same answer for a name that exists and one that
    /// does not; another terminal still takes the name; `user enable` ends the wait.
    @Test func failedLoginsBackOffPerNameAndTerminal() throws {
        let store = try county()
        let accounts = Accounts(database: store.database)
        let now = Date()
        func refusal(_ name: String, _ password: String, at terminal: String = "/dev/pts/1", after seconds: Double = 0) -> String? {
            do { _ = try accounts.login(name: name, password: password, terminal: terminal, now: now.addingTimeInterval(seconds)); return nil }
            catch let error as UsageError { return error.message.key } catch { return "\(error)" }
        }
        for name in ["keller", "niemand"] {
            for attempt in 1...Accounts.maxFailures {
                #expect(refusal(name, "wrong password") == (attempt < Accounts.maxFailures ? "accounts.wrong" : "accounts.wait"))
            }
            #expect(refusal(name, "a good password", after: 10) == "accounts.wait", "the right password waits too")
        }
        #expect(refusal("keller", "a good password", at: "/dev/pts/2") == nil, "another terminal is not locked")
        #expect(refusal("keller", "a good password", after: 31) == nil, "the wait is over after 30 s")
        for _ in 1...Accounts.maxFailures { _ = refusal("keller", "wrong password", after: 40) }
        #expect(refusal("keller", "a good password", after: 45) == "accounts.wait")
        try store.setDisabled("keller", false)  // an admin unlocks
        #expect(refusal("keller", "a good password", after: 46) == nil)
        let stored = try store.database.read { try String.fetchAll($0, sql: "SELECT key || nameKey FROM loginAttempt") }
        #expect(!stored.contains { $0.contains("niemand") }, "the table holds no name")
    }

    /// The password is in no table and no audit value, only its scrypt hash.
    @Test func passwordsAreStoredAsScryptHashesOnly() throws {
        let store = try county()
        let texts = try store.database.read { db in
            try String.fetchAll(db, sql: "SELECT passwordHash FROM appUser UNION ALL SELECT coalesce(value, '') FROM auditValue")
        }
        #expect(!texts.contains { $0.contains("a good password") })
        #expect(texts.filter { $0.hasPrefix("scrypt$") }.count == 4)
        #expect(PasswordHash.verify("a good password", against: texts.first { $0.hasPrefix("scrypt$") }!))
    }
}
