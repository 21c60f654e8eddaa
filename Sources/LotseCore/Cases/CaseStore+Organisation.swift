import Foundation
import GRDB

// MARK: - Municipalities and staff

extension CaseStore {
    public func addMunicipality(name: String, kind: MunicipalityKind, fte: Double, grantee: String? = nil) throws -> Municipality {
        guard !name.trimmingCharacters(in: .whitespaces).isEmpty else { throw UsageError("municipality.nameNeeded") }
        guard fte >= 0 else { throw UsageError("municipality.fte", ["value": .decimal(fte, places: 2)]) }
        return try write(.configure) { audit in
            guard try Municipality.named(name).fetchCount(audit.db) == 0 else {
                throw UsageError("import.municipalityExists", ["name": .text(name)])
            }
            var municipality = Municipality(name: name, kind: kind, fte: fte, grantee: try Self.granteeName(grantee))
            try municipality.insert(audit.db)
            try audit.created(municipality, id: municipality.id, caseId: nil)
            return municipality
        }
    }

    /// Changes a municipality's funded FTE or grantee ("" removes the grantee); audited.
    /// Changes what is given; "" removes a grantee, an address or a key.
    public func editMunicipality(_ reference: String, fte: Double?, grantee: String?, address: String? = nil, authorityKey: String? = nil) throws -> Municipality {
        if let fte, fte < 0 { throw UsageError("municipality.fte", ["value": .decimal(fte, places: 2)]) }
        let address = try address.map { try PostalAddress.stored($0) }
        let authorityKey = try authorityKey.map { try Self.authorityKey($0) }
        return try write(.configure) { audit in
            let old = try Municipality.resolve(reference, audit.db)
            var new = old
            if let fte { new.fte = fte }
            if let grantee { new.grantee = try Self.granteeName(grantee) }
            if let address { new.address = address }
            if let authorityKey { new.authorityKey = authorityKey }
            try new.update(audit.db)
            try audit.updated(from: old, to: new, id: old.id, caseId: nil)
            return new
        }
    }

    /// An official key as stored: 8 digits (Amtlicher Gemeindeschlüssel) or 12
    /// (Regionalschlüssel), spaces allowed in between; nil when empty.
    private static func authorityKey(_ text: String) throws -> String? {
        let digits = text.filter { $0 != " " }
        if digits.isEmpty { return nil }
        guard [8, 12].contains(digits.count), digits.allSatisfy(\.isASCIIDigit) else {
            throw UsageError("municipality.authorityKey", ["value": .text(text)])
        }
        return digits
    }

    /// A grantee as stored: trimmed, nil when empty.
    private static func granteeName(_ name: String?) throws -> String? {
        let trimmed = name?.trimmingCharacters(in: .whitespaces) ?? ""
        return trimmed.isEmpty ? nil : trimmed
    }

    /// The municipalities of a grantee (its name, ignoring case); a usage error naming the
    /// grantees there are when it has none.
    public func municipalities(ofGrantee grantee: String) throws -> [Municipality] {
        try read(.runReports) { db in
            let all = try Municipality.byName.fetchAll(db)
            let chosen = all.filter { $0.grantee?.caseInsensitiveCompare(grantee) == .orderedSame }
            guard !chosen.isEmpty else {
                throw UsageError("report.granteeUnknown", ["grantee": .text(grantee), "known": .list(Set(all.compactMap(\.grantee)).sorted().map { .text($0) })])
            }
            return chosen
        }
    }

    public func municipalities() throws -> [Municipality] {
        try read(.readOrganisation) { try Municipality.byName.fetchAll($0) }
    }

    /// A municipality by id or name (case-insensitive).
    public func municipality(_ reference: String) throws -> Municipality {
        try read(.readOrganisation) { db in try Municipality.resolve(reference, db) }
    }

    public func addStaff(name: String, municipality reference: String, role: StaffRole, fteShare: Double) throws -> Staff {
        guard fteShare > 0 && fteShare <= 1 else { throw UsageError("staff.share", ["value": .decimal(fteShare, places: 2)]) }
        return try write(.configure) { audit in
            let municipality = try Municipality.resolve(reference, audit.db)
            var staff = Staff(municipalityId: municipality.id!, name: name, role: role, fteShare: fteShare)
            try staff.insert(audit.db)
            try audit.created(staff, id: staff.id, caseId: nil)
            return staff
        }
    }

    public func staff(municipality reference: String? = nil) throws -> [Staff] {
        try read(.readOrganisation) { db in
            try Staff.listed(in: try reference.flatMap { try Municipality.resolve($0, db).id }).fetchAll(db)
        }
    }
}

extension Municipality {
    static func resolve(_ reference: String, _ db: Database) throws -> Municipality {
        let found = if let id = Int64(reference) { try Municipality.fetchOne(db, key: id) }
            else { try Municipality.named(reference).fetchOne(db) ?? Choices.byWords(reference, in: Municipality.fetchAll(db), name: \.name) }
        guard let found else {
            throw notFound("municipality", reference)
        }
        return found
    }
}

extension Staff {
    static func resolve(_ reference: String, _ db: Database) throws -> Staff {
        let found = if let id = Int64(reference) { try Staff.fetchOne(db, key: id) }
            else { try Staff.named(reference).fetchOne(db) ?? Choices.byWords(reference, in: Staff.fetchAll(db), name: \.name) }
        guard let found else { throw notFound("staff", reference) }
        return found
    }
}
