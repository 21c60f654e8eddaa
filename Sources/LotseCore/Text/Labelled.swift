import PluginKit

/// An enum whose values users read: each value has a label in the catalogs under
/// `PREFIX.RAWVALUE` (`caseStatus.active`: "aktiv" / "active"). The catalog test
/// checks that every value of every `Labelled` type has its label in both locales.
public protocol Labelled: RawRepresentable, CaseIterable, Sendable where RawValue == String {
    static var labelPrefix: String { get }
}

extension Labelled {
    /// The value as the catalog names it.
    public var label: TextValue { .label(labelKey) }
    public var labelKey: String { "\(Self.labelPrefix).\(rawValue)" }
    /// The catalog keys of every value.
    public static var labelKeys: [String] { allCases.map(\.labelKey) }
}

extension MunicipalityKind: Labelled { public static var labelPrefix: String { "municipalityKind" } }
extension StaffRole: Labelled { public static var labelPrefix: String { "staffRole" } }
extension Sex: Labelled { public static var labelPrefix: String { "sex" } }
extension StayProspect: Labelled { public static var labelPrefix: String { "stayProspect" } }
extension CaseKind: Labelled { public static var labelPrefix: String { "caseKind" } }
extension CaseStatus: Labelled { public static var labelPrefix: String { "caseStatus" } }
extension GoalStatus: Labelled { public static var labelPrefix: String { "goalStatus" } }
extension ConversationKind: Labelled { public static var labelPrefix: String { "conversationKind" } }
extension Role: Labelled { public static var labelPrefix: String { "role" } }
extension Permission: Labelled { public static var labelPrefix: String { "permission" } }
extension ClosureRule: Labelled { public static var labelPrefix: String { "closureRule" } }
extension ResponsibleParty: Labelled { public static var labelPrefix: String { "responsible" } }

/// Every labelled type, for the catalog test.
public let labelledTypes: [any Labelled.Type] = [
    MunicipalityKind.self, StaffRole.self, Sex.self, StayProspect.self, CaseKind.self, CaseStatus.self,
    GoalStatus.self, ConversationKind.self, Role.self, Permission.self, ClosureRule.self, ResponsibleParty.self,
    FactDate.self, FactDate.Limit.self,
]
