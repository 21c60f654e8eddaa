import Foundation
import GRDB

/// Owns the SQLite database and its migrations. Everything else in lotse reaches the
/// data through `CaseStore` and friends, never through SQL of its own.
public struct LotseDatabase: Sendable {
    public let writer: any DatabaseWriter
    /// Where the database lives; nil for an in-memory database (tests).
    public let path: String?

    /// Opens (and creates, mode 0600) a database file, in WAL mode with foreign keys on,
    /// and brings its schema up to date.
    public static func open(at url: URL) throws(DataError) -> LotseDatabase {
        let path = url.path
        do {
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true,
                                                    attributes: [.posixPermissions: 0o700])
        } catch {
            throw DataError("cannot create the folder for \(path): \(error.localizedDescription); check the path and permissions")
        }
        if !FileManager.default.fileExists(atPath: path) {
            let descriptor = Foundation.open(path, O_CREAT | O_EXCL | O_WRONLY | O_CLOEXEC, 0o600)
            guard descriptor >= 0 else { throw DataError("cannot create \(path): \(String(cString: strerror(errno))); check the folder's permissions") }
            close(descriptor)
        }
        do {
            let pool = try DatabasePool(path: path, configuration: configuration)
            try migrator.migrate(pool)
            return LotseDatabase(writer: pool, path: path)
        } catch let error as DatabaseError where error.resultCode == .SQLITE_NOTADB {
            throw DataError("\(path) is not a lotse database (SQLite says: not a database); check --db")
        } catch {
            throw DataError("cannot open \(path): \(error); run 'lotse doctor' or restore a backup")
        }
    }

    /// An empty in-memory database with the full schema, for tests and dry runs.
    public static func inMemory() throws -> LotseDatabase {
        let queue = try DatabaseQueue(configuration: configuration)
        try migrator.migrate(queue)
        return LotseDatabase(writer: queue, path: nil)
    }

    static var configuration: GRDB.Configuration {
        var configuration = GRDB.Configuration()
        configuration.foreignKeysEnabled = true
        configuration.busyMode = .timeout(10)
        configuration.prepareDatabase { db in
            try db.execute(sql: "PRAGMA synchronous = NORMAL")
            // Deleted personal data is overwritten, not left in free pages.
            try db.execute(sql: "PRAGMA secure_delete = ON")
        }
        return configuration
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
        return migrator
    }()
}
