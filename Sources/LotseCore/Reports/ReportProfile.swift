import Foundation

/// A funder's statistics sheet as data (`resources/reports/<id>.json`): its figures in
/// order, each with its labels and definition in both languages and the measure that
/// computes it; the age bands and how conversation topics map to the sheet's topics. A
/// county or a changed template edits the file, not the code.
public struct ReportProfile: Sendable, Decodable {
    /// A text in every language lotse speaks, by locale (`{"de": …, "en": …}`);
    /// `load` checks that none is missing.
    public struct Text: Sendable, Decodable {
        let byLocale: [String: String]

        public init(from decoder: any Decoder) throws { byLocale = try decoder.singleValueContainer().decode([String: String].self) }

        public func text(_ locale: String) -> String { byLocale[locale] ?? "" }
    }

    /// Every text of the profile, for the check that each has every locale.
    private var texts: [Text] {
        [title, sheet, note] + topics.map(\.label) + figures.flatMap { [$0.label, $0.definition] }
    }

    public struct AgeBand: Sendable, Decodable {
        public let id: String
        public let from: Int
        /// The last year of age in the band; nil: no upper bound.
        public let to: Int?
    }

    /// A topic of the sheet and the conversation topics (module ids or core topics) it counts.
    public struct Topic: Sendable, Decodable {
        public let id: String
        public let label: Text
        public let counts: [String]
    }

    /// What a figure counts; those marked "by" expand to one figure per value
    /// (`persons.sex.f`, `persons.country.SY`, `referrals.service.jobcenter`).
    public enum Measure: String, Sendable, Decodable {
        case persons, personsBySex, personsByAge, personsByCountry, personsByResidence
        case casesIndividual, casesFamily, plansNew, plansActive
        case conversationsIndividual, conversationsFamily, conversationsByTopic
        case referralsByService, networkContacts
        case goalsAgreed, goalsAchieved, goalsDropped, goalsOverdue, goalsAttainment
    }

    public struct Figure: Sendable, Decodable {
        public let id: String
        public let measure: Measure
        public let label: Text
        public let definition: Text
    }

    public let version: Int
    public let id: String
    public let title: Text
    /// The first sheet's name in a workbook.
    public let sheet: Text
    public let note: Text
    public let ageBands: [AgeBand]
    public let topics: [Topic]
    public let figures: [Figure]

    /// Loads `resources/reports/NAME.json`; its topics must be known to the vocabulary.
    public static func load(_ name: String, from resources: URL, vocabulary: Vocabulary) throws -> ReportProfile {
        let folder = resources.appendingPathComponent("reports")
        let known = ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []).filter { $0.hasSuffix(".json") }
            .map { String($0.dropLast(5)) }.sorted()
        // An unambiguous beginning names a profile too ("land" for "land-bw").
        let name = known.contains(name) ? name : Choices.byWords(name, in: known, name: { $0 }) ?? name
        guard known.contains(name) else { throw UsageError("report.profileUnknown", ["profile": .text(name), "known": .list(known.map { .text($0) })]) }
        let url = folder.appendingPathComponent("\(name).json")
        let profile: ReportProfile
        do { profile = try JSONDecoder().decode(ReportProfile.self, from: try Data(contentsOf: url)) } catch {
            throw DataError("resources.invalid", ["path": .text(url.path), "problem": .message(BundleReader.describe(error))])
        }
        let locales = (try? FileManager.default.contentsOfDirectory(atPath: resources.appendingPathComponent("locales").path)) ?? []
        for text in profile.texts {
            if let missing = locales.sorted().first(where: { text.byLocale[$0] == nil }) {
                throw DataError("resources.invalid", ["path": .text(url.path), "problem": .message(Message("report.profileLocale", ["locale": .text(missing)]))])
            }
        }
        for topic in profile.topics {
            if let unknown = topic.counts.first(where: { !vocabulary.isTopic($0) }) {
                throw DataError("resources.invalid", ["path": .text(url.path), "problem": .message(Message("error.unknownTopic", ["topic": .text(unknown), "known": .list(vocabulary.topics.map { .text($0) })]))])
            }
        }
        return profile
    }
}
