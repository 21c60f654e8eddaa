/// The support-duration clock: support may last `maxCareYears` from its start (the
/// case's `supportSince`, else its opening: a case handed over keeps the sender's start),
/// one year more with a justified extension (VwV Integrationsmanagement 2023: 3 years,
/// 4 in justified cases).
enum CareLimit {
    /// SQL for the day a case (alias `c`) reaches its limit; `maxCareYears` is an SQL
    /// expression (a parameter). An extension counts from the day it was granted, when
    /// `asOf` (an SQL expression) is given, else as it stands.
    static func sql(maxCareYears: String, asOf: String? = nil) -> String {
        let extended = asOf.map { "(c.justifiedExtension AND (c.extendedOn IS NULL OR c.extendedOn <= \($0)))" } ?? "c.justifiedExtension"
        return "date(coalesce(c.supportSince, c.openedOn), '+' || (((\(maxCareYears)) + \(extended)) * 12) || ' months')"
    }
}
