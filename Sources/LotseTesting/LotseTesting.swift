import LotseCore

/// Test support, kept out of LotseCore's public API and out of the lotse binary: the
/// unit tests and the benchmarks package link it, the product never does.
public enum LotseTesting {
    /// An empty in-memory database with the full schema.
    public static func inMemoryDatabase() throws -> LotseDatabase { try LotseDatabase.inMemory() }

    /// A principal with every role and every municipality.
    public static func unrestricted(_ name: String) -> Principal { Principal.unrestricted(name) }
}
