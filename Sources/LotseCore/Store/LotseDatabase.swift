import Foundation
import GRDB

/// Owns the SQLite database and its migrations. Everything else in lotse reaches the
/// data through `CaseStore` and the accounts, in transactions this type opens; the
/// features write SQL of their own only where a GRDB request cannot say it (reports,
/// the due list, the audit check), always inside those transactions.
public struct LotseDatabase: Sendable {
    private let writer: any DatabaseWriter
    /// Where the database lives; nil for an in-memory database (tests).
    public let path: String?
    /// Seals the audit chain's head at the end of every write.
    let seal: AuditSeal

    /// Opens (and creates, mode 0600) a database file, in WAL mode with foreign keys on,
    /// and brings its schema up to date. In the shared installation (secure mode) only
    /// a new database is migrated here; an existing one by `lotse migrate` (the package
    /// runs it on upgrade, after a backup), never by whichever user's command comes first.
    public static func open(at url: URL, schema: SchemaPolicy = UserRights.secure ? .current : .migrated) throws(DataError) -> LotseDatabase {
        let path = url.path
        do {
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true,
                                                    attributes: [.posixPermissions: 0o700])
        } catch {
            throw DataError("database.folder", ["path": .text(path), "reason": .message(.system(error))])
        }
        if !FileManager.default.fileExists(atPath: path) {
            let descriptor = Foundation.open(path, O_CREAT | O_EXCL | O_WRONLY | O_CLOEXEC, 0o600)
            guard descriptor >= 0 else { throw DataError("database.create", ["path": .text(path), "reason": .message(.system(errno))]) }
            close(descriptor)
        }
        do {
            // One connection: a command's reads and writes take turns anyway, and a
            // pool's set-up (a second connection, GRDB's check of the WAL file through
            // Foundation's URL resources) took a tenth of `case show` (issue #15).
            // Other processes still read while one writes: the file is in WAL mode.
            let queue = try DatabaseQueue(path: path, configuration: configuration)
            let applied = try queue.writeWithoutTransaction { db in
                if try String.fetchOne(db, sql: "PRAGMA journal_mode") != "wal" { try db.execute(sql: "PRAGMA journal_mode = WAL") }
                return try migrator.appliedMigrations(db)
            }
            // Up to date, the usual case: nothing more to ask the database.
            if applied != migrator.migrations {
                if schema == .migrated || applied.isEmpty {
                    try migrator.migrate(queue)
                } else if schema == .current, try !queue.read(migrator.hasCompletedMigrations) {
                    throw DataError("database.old")
                }
            }
            let (seal, created) = try AuditSeal.load(forDatabase: path)
            if created {
                // A database from before the key (or a new one): its head is keyed now,
                // with an event saying so. A head without a seal while the key exists is
                // left as it is, for `audit verify` to report.
                try queue.write { db in
                    if try db.columns(in: "auditHead").contains(where: { $0.name == "mac" }), try seal.unsealed(db) {
                        try seal.key(db, why: "database")
                    }
                }
            }
            return LotseDatabase(writer: queue, path: path, seal: seal)
        } catch let error as DataError {
            throw error
        } catch let error as DatabaseError where error.resultCode == .SQLITE_NOTADB {
            throw DataError("database.notADatabase", ["path": .text(path)])
        } catch {
            throw DataError("database.open", ["path": .text(path), "detail": .text("\(error)")])
        }
    }

    /// An empty in-memory database with the full schema, for tests (`LotseTesting`).
    package static func inMemory() throws -> LotseDatabase {
        let queue = try DatabaseQueue(configuration: configuration)
        try migrator.migrate(queue)
        return LotseDatabase(writer: queue, path: nil, seal: .random())
    }

    /// How much of the database file reads may map (bytes of address space, not memory).
    static let mmapBytes = 1 << 30

    /// How long a statement waits for a lock before giving up.
    static let busyMilliseconds = 10_000

    static var configuration: GRDB.Configuration {
        var configuration = GRDB.Configuration()
        configuration.foreignKeysEnabled = true
        configuration.busyMode = .timeout(TimeInterval(busyMilliseconds) / 1000)
        configuration.prepareDatabase { db in
            try db.execute(sql: "PRAGMA synchronous = NORMAL")
            // Deleted personal data is overwritten, not left in free pages.
            try db.execute(sql: "PRAGMA secure_delete = ON")
            // Reads map the file instead of copying each page through read(2): a
            // Land-scale report reads the whole database (issue #15).
            try db.execute(sql: "PRAGMA mmap_size = \(mmapBytes)")
        }
        return configuration
    }

    /// What `open` does with an older schema.
    public enum SchemaPolicy: Sendable {
        /// Brings it up to date (development, the tests).
        case migrated
        /// Refuses it: the shared installation migrates only in `lotse migrate`.
        case current
        /// Leaves it (`lotse migrate` itself).
        case asFound
    }

    /// Reads in one snapshot. The store and its features go through these four doors;
    /// nobody outside this file holds the writer.
    func read<T>(_ body: (Database) throws -> T) throws -> T { try writer.read(body) }

    /// Writes in one transaction; the audit chain's head is sealed again at its end if
    /// it was sealed at its start (see `AuditSeal`).
    func write<T>(_ body: (Database) throws -> T) throws -> T {
        try writer.write { db in
            let sealed = try seal.holds(db)
            let result = try body(db)
            if sealed { try seal.seal(db) }
            return result
        }
    }

    /// Runs on the connection outside a transaction (a checkpoint, or a read that needs
    /// no snapshot).
    func writeWithoutTransaction<T>(_ body: (Database) throws -> T) throws -> T { try writer.writeWithoutTransaction(body) }

    /// Writes a consistent copy of the database to `path` (VACUUM INTO reads one
    /// snapshot), while other processes keep working. Only for a database file.
    func vacuum(into path: String) throws {
        guard self.path != nil else { throw UsageError("backup.memory") }
        try writer.writeWithoutTransaction { db in try db.execute(sql: "VACUUM INTO ?", arguments: [path]) }
    }

    /// Moves the WAL into the database file without waiting for anyone (passive), then
    /// empties the WAL file only if nobody is reading at this moment. A truncating
    /// checkpoint waits for every reader through the busy handler, and every writer
    /// waits behind it: under load the file is left to a quieter moment (the next
    /// checkpoint, or SQLite's own restart of the WAL).
    /// Returns whether the WAL file was emptied.
    @discardableResult
    func checkpoint() throws -> Bool {
        // Deleted names leave the name index's older segments too.
        try writer.write { db in try db.execute(sql: "INSERT INTO personName(personName) VALUES ('optimize')") }
        return try writer.writeWithoutTransaction { db in
            _ = try db.checkpoint(.passive)
            try db.execute(sql: "PRAGMA busy_timeout = 0")
            defer { try? db.execute(sql: "PRAGMA busy_timeout = \(Self.busyMilliseconds)") }
            do { return try db.checkpoint(.truncate).walFrameCount == 0 } catch { return false }
        }
    }

    /// Migrations this database still needs.
    public func pendingMigrations() throws -> [String] {
        let applied = Set(try writer.read { try Self.migrator.appliedIdentifiers($0) })
        return Self.migrator.migrations.filter { !applied.contains($0) }
    }

    /// Copies the database (consistently, while others work) into a new file, mode 0600.
    public func copy(to target: URL) throws {
        let descriptor = Foundation.open(target.path, O_CREAT | O_EXCL | O_WRONLY | O_CLOEXEC, 0o600)
        guard descriptor >= 0 else { throw DataError("file.create", ["path": .text(target.path), "reason": .message(.system(errno))]) }
        close(descriptor)
        try writer.backup(to: DatabaseQueue(path: target.path))
    }

    /// Brings the schema up to date.
    public func migrate() throws {
        try Self.migrator.migrate(writer)
    }

    /// The names of every migration, oldest first.
    public static var schemaVersions: [String] { migrator.migrations }

    /// The schema, one named migration per step; never edit a released migration.
    static let migrator: DatabaseMigrator = {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1", migrate: Schema.v1)
        migrator.registerMigration("v2-intake", migrate: Schema.v2)
        migrator.registerMigration("v3-handover", migrate: Schema.v3)
        migrator.registerMigration("v4-archive", migrate: Schema.v4)
        migrator.registerMigration("v5-report-index", migrate: Schema.v5)
        migrator.registerMigration("v6-users", migrate: Schema.v6)
        migrator.registerMigration("v7-receipt", migrate: Schema.v7)
        migrator.registerMigration("v8-imported-rows", migrate: Schema.v8)
        migrator.registerMigration("v9-user-locale", migrate: Schema.v9)
        migrator.registerMigration("v10-goal-history", migrate: Schema.v10)
        migrator.registerMigration("v11-origin-and-clock", migrate: Schema.v11)
        migrator.registerMigration("v12-grantee", migrate: Schema.v12)
        migrator.registerMigration("v13-login-attempts", migrate: Schema.v13)
        migrator.registerMigration("v14-audit-every-table", migrate: Schema.v14)
        migrator.registerMigration("v15-intake-goals", migrate: Schema.v15)
        migrator.registerMigration("v16-municipality-address", migrate: Schema.v16)
        migrator.registerMigration("v17-person-languages", migrate: Schema.v17)
        migrator.registerMigration("v18-agreement-interpreter", migrate: Schema.v18)
        migrator.registerMigration("v19-xdomea", migrate: Schema.v19)
        migrator.registerMigration("v20-name-search", migrate: Schema.v20)
        migrator.registerMigration("v21-imported-reviews", migrate: Schema.v21)
        return migrator
    }()
}
