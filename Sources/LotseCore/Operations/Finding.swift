import Foundation
import GRDB

/// One finding of `lotse doctor`: what was checked, how it stands and what to do.
public struct Finding: Sendable, Equatable {
    public enum Level: String, Sendable, Codable { case ok, warning, problem }
    public enum Check: String, Sendable, Codable, CaseIterable { case fileModes, integrity, foreignKeys, auditLog, attachments, configuration, diskSpace, archiveOffer }
    public var level: Level
    public var check: Check
    public var message: Message
    /// What to do about it; nil when all is well.
    public var advice: Message?
}

extension Finding.Check: Labelled { public static var labelPrefix: String { "doctor.check" } }
