import Foundation
import PluginKit

/// A realistic sample county in the legacy CSV format, at any size: the county office
/// and two cities with the reference document's FTE (3, 3 and 1.5), staff with
/// shares from 25 % to 100 %, households arriving mostly in 2015/16, cases waiting,
/// active and closed, with agreements, goals, conversations, referrals, outcomes and
/// network contacts. Deterministic for a seed, so benchmarks are repeatable.
///
/// With more than three municipalities it is a hosted installation for many counties
/// (the Land-scale benchmarks): the three reference municipalities, then generated ones
/// ("Gemeinde 4", …) with one or two managers each, the households spread evenly over
/// all of them and as small as in follow-up housing across the Land (mostly single
/// persons; about 1.9 persons per case).
public struct DemoCounty {
    public var households: Int
    /// How many municipalities share the households (at least the reference three).
    public var municipalityCount: Int
    public var seed: UInt64
    /// The county's dates are moved by this many days from the dates it was drawn
    /// around (`anchor`), so that `today` lies where 1 October 2020 lies for them.
    public var shift: Int
    /// A goal's title as the county's users read it: the template's title in the
    /// deployment's language (the demo's goals were agreed in that language).
    public var goalTitle: @Sendable (_ module: String, _ template: String) -> String

    /// The day the drawn county is current on: cases opened within the three years
    /// before, reviews and goals due around it, and nothing that happened after it.
    public static let anchor = LocalDate(year: 2020, month: 10, day: 1)!

    public init(households: Int, municipalities: Int = 3, seed: UInt64 = 2018, today: LocalDate = anchor,
                goalTitle: @escaping @Sendable (String, String) -> String = { $1.replacingOccurrences(of: "_", with: " ") }) {
        self.households = households
        self.municipalityCount = max(3, municipalities)
        self.seed = seed
        self.shift = today.dayNumber - Self.anchor.dayNumber
        self.goalTitle = goalTitle
    }

    private func moved(_ date: LocalDate) -> LocalDate { date.adding(days: shift) }

    static let reference: [(name: String, kind: String, fte: Double, share: Double, staff: [Double])] = [
        ("Landratsamt Ostalbkreis", "county", 3.0, 0.4, [0.25, 0.3, 0.3, 0.3, 0.3, 0.3, 0.3, 0.3, 0.35, 0.41]),
        ("Stadt Schwäbisch Gmünd", "city", 3.0, 0.4, [1, 1, 1]),
        ("Stadt Aalen", "city", 1.5, 0.2, [0.25, 0.5, 0.75]),
    ]
    static let familyNames = ["Al-Hassan", "Haddad", "Khalil", "Nasser", "Ahmadi", "Hosseini", "Rahimi", "Mohammadi", "Tesfaye", "Berhane",
                              "Ghebreyesus", "Okafor", "Adeyemi", "Ibrahim", "Mahmoud", "Saleh", "Yousef", "Karimi", "Omar", "Hussein",
                              "Abdullahi", "Mustafa", "Qasim", "Jaber", "Darwish", "Sharifi", "Hakimi", "Tekle", "Kidane", "Osman"]
    static let femaleNames = ["Amal", "Fatima", "Aisha", "Zahra", "Maryam", "Huda", "Rania", "Layla", "Nour", "Senait", "Helen", "Sara", "Amina", "Rahel"]
    static let maleNames = ["Omar", "Ahmad", "Mohammed", "Ali", "Hassan", "Yonas", "Dawit", "Samuel", "Mustafa", "Karim", "Bilal", "Tariq", "Emeka", "Yusuf"]
    static let staffNames = ["Petra Maier", "Thomas Schmid", "Sabine Weber", "Markus Wagner", "Julia Fischer", "Andreas Becker", "Claudia Hoffmann",
                             "Stefan Schäfer", "Monika Koch", "Michael Bauer", "Katrin Richter", "Daniel Klein", "Susanne Wolf", "Jürgen Neumann",
                             "Anja Schwarz", "Frank Zimmermann"]
    static let statuses = ["Aufenthaltserlaubnis", "Aufenthaltserlaubnis", "Aufenthaltsgestattung", "Duldung", "Niederlassungserlaubnis"]
    /// Countries of origin, as often as refugees in Baden-Württemberg come from them;
    /// chosen by household number, so the random draws (and every other figure) stay.
    static let countries = ["SY", "SY", "SY", "AF", "AF", "IQ", "UA", "UA", "TR", "ER", "NG", "IR", "GE", "SO", "XS"]
    /// The language the adults of a family from each country read first (children: not recorded).
    static let languages = ["SY": "ar", "AF": "fa-AF", "IQ": "ar", "UA": "uk", "TR": "tr", "ER": "ti", "NG": "en", "IR": "fa", "GE": "ka", "SO": "so", "XS": "ar"]
    /// The problems a family is referred to each service with (one random draw either way,
    /// so every other figure stays as it was).
    static let problems: [String: [String]] = [
        "jobcenter": ["Leistungsbescheid klären", "Bewerbungsunterlagen", "Weiterbewilligungsantrag"],
        "employment_agency": ["Bewerbungsunterlagen", "Berufsberatung", "Ausbildungsplatzsuche"],
        "nifo": ["Bewerbungsunterlagen", "Praktikumsplatz", "Arbeitsmarktzugang klären"],
        "language_course_provider": ["Anmeldung Sprachkurs", "Kinderbetreuung während des Kurses", "Wiederholung Modul B1"],
        "schools": ["Anmeldung Vorbereitungsklasse", "Elterngespräch", "Schulwechsel"],
        "recognition_counselling": ["Anerkennung Zeugnisse", "Berufsanerkennung Pflege", "Übersetzung Diplom"],
        "migration_counselling": ["Familiennachzug", "Aufenthaltstitel verlängern", "Behördenschreiben verstehen"],
        "immigration_office": ["Aufenthaltstitel verlängern", "Passbeschaffung", "Niederlassungserlaubnis beantragen"],
        "welfare_associations": ["Kleiderkammer", "Möbel für die Wohnung", "Ferienfreizeit der Kinder"],
        "bamf": ["Integrationskurs beantragen", "Widerruf prüfen", "Berufssprachkurs"],
        "psychological_counselling": ["Belastung nach Flucht", "Schlafprobleme", "Trauer"],
        "parenting_counselling": ["Erziehungsfragen", "Konflikte mit Jugendlichen", "Medienerziehung"],
        "debt_counselling": ["Schulden beim Energieversorger", "Mietrückstand", "Handyvertrag"],
        "addiction_counselling": ["Spielsucht", "Alkohol", "Beratung Angehöriger"],
        "early_help": ["Kita-Anmeldung", "Hebamme finden", "Elternkurs"],
    ]
    static let partners = [("municipality", "Bürgermeisteramt"), ("club", "TSV Sportverein"), ("volunteers", "Helferkreis Asyl"),
                           ("employer", "Handwerksbetrieb"), ("church", "Kirchengemeinde"), ("school", "Grundschule")]

    /// A hosted installation for many counties rather than the reference county.
    private var hosted: Bool { municipalityCount > 3 }

    /// The reference three, then the generated ones: FTE 0.5 to 2, one or two staff.
    private var municipalities: [(name: String, kind: String, fte: Double, share: Double, staff: [Double])] {
        Self.reference + (4...max(4, municipalityCount)).prefix(municipalityCount - 3).map { number in
            let fte = 0.5 * Double(1 + number % 4)
            return ("Gemeinde \(number)", "city", fte, 0, fte > 1 ? [fte / 2, fte / 2] : [fte])
        }
    }

    /// Writes the CSV files into `folder` (created if needed); returns the number of cases.
    @discardableResult
    public func write(to folder: URL) throws -> Int {
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        var random = SplitMix64(seed: seed)
        // Reviews are drawn from a stream of their own, so every other figure stays as it was.
        var reviewRandom = SplitMix64(seed: seed ^ 0x5245_5649_4557)
        var files = Dictionary(uniqueKeysWithValues: LegacyImporter.files.map { ($0.name, $0.columns.joined(separator: ",") + "\n") })
        files["persons.csv"] = files["persons.csv"]!.dropLast() + ",country_of_origin,languages\n"
        files["cases.csv"] = files["cases.csv"]!.dropLast() + ",next_review_on\n"
        let today = moved(Self.anchor)
        func add(_ file: String, _ fields: [Any?]) {
            files[file]!.append(fields.map { field in
                let text = field.map { "\($0)" } ?? ""
                return text.contains(",") || text.contains("\"") ? "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : text
            }.joined(separator: ","))
            files[file]!.append("\n")
        }
        var staffByMunicipality: [Int: [Int]] = [:]
        var staffId = 0
        for (index, municipality) in municipalities.enumerated() {
            add("municipalities.csv", [index + 1, municipality.name, municipality.kind, municipality.fte])
            for share in municipality.staff {
                staffId += 1
                add("staff.csv", [staffId, index + 1, Self.staffNames[staffId % Self.staffNames.count] + (staffId > Self.staffNames.count ? " \(staffId)" : ""),
                                  staffId % 7 == 0 ? "lead" : "manager", share])
                staffByMunicipality[index + 1, default: []].append(staffId)
            }
        }
        var personId = 0, caseId = 0, agreementId = 0, goalId = 0, conversationId = 0, referralId = 0, outcomeId = 0, reviewId = 0
        let templates: [(module: String, template: String, outcome: String?)] = [
            ("language", "enrol_course", "course_enrolled"), ("language", "reach_target_level", "level_reached"),
            ("work", "find_employment", "employment"), ("work", "find_apprenticeship", "training"), ("school", "tutoring", "tutoring"),
            ("housing", "find_flat", "own_housing"), ("social", "join_club", "club"), ("social", "holiday_programme", "holiday_programme"),
        ]
        for household in 1...max(1, households) {
            let municipality: Int, adults: Int, children: Int
            if hosted {
                municipality = 1 + random.int(municipalityCount)
                adults = random.unit() < 0.3 ? 2 : 1
                children = adults == 2 ? random.int(4) : random.unit() < 0.2 ? 1 + random.int(2) : 0
            } else {
                let roll = random.unit()
                municipality = roll < 0.4 ? 1 : roll < 0.8 ? 2 : 3
                adults = random.unit() < 0.55 ? 2 : 1
                children = adults == 2 ? random.int(5) : random.int(2)
            }
            add("households.csv", [household, municipality])
            let family = Self.familyNames[random.int(Self.familyNames.count)]
            let arrival = random.date(from: moved(LocalDate(year: 2015, month: 1, day: 1)!), days: random.unit() < 0.7 ? 425 : 1400)
            let prospect = ["high", "high", "medium", "low", "unknown"][random.int(5)]
            var members: [(id: Int, adult: Bool)] = []
            for adult in 0..<adults {
                personId += 1
                let female = adult == 1 || random.unit() < 0.4
                let birth = random.unit() < 0.3 ? "\(1960 + shift / 365 + random.int(35))" : random.date(from: moved(LocalDate(year: 1960, month: 1, day: 1)!), days: 35 * 365).iso
                add("persons.csv", [personId, household, family, (female ? Self.femaleNames : Self.maleNames)[random.int(14)], birth, female ? "f" : "m",
                                    arrival.iso, Self.statuses[random.int(Self.statuses.count)], prospect, Self.countries[household % Self.countries.count],
                                    Self.languages[Self.countries[household % Self.countries.count]]])
                members.append((personId, true))
            }
            for _ in 0..<children {
                personId += 1
                let female = random.unit() < 0.5
                let birth = random.date(from: moved(LocalDate(year: 2001, month: 1, day: 1)!), days: 17 * 365)
                add("persons.csv", [personId, household, family, (female ? Self.femaleNames : Self.maleNames)[random.int(14)], birth.iso, female ? "f" : "m",
                                    max(arrival, birth).iso, Self.statuses[0], prospect, Self.countries[household % Self.countries.count], nil])
                members.append((personId, false))
            }
            caseId += 1
            let individual = adults == 1 && children == 0
            let waitlisted = min(max(arrival, moved(LocalDate(year: 2018, month: 1, day: 15)!)).adding(days: random.int(60)), today)
            let state = random.unit()
            // What would happen after today has not happened: such a case still waits or runs.
            let drawn = state < 0.12 ? nil : waitlisted.adding(days: 14 + random.int(500))
            let opened = drawn.flatMap { $0 <= today ? $0 : nil }
            let closed: LocalDate? = opened.flatMap { state > 0.8 ? $0.adding(days: 90 + random.int(600)) : nil }.flatMap { $0 <= today ? $0 : nil }
            let reason = closed.map { _ in ["moved_away", "integration_completed", "no_contact", "declined", "no_longer_eligible"][random.int(5)] }
            let staffList = staffByMunicipality[municipality]!
            let staff = opened == nil ? nil : staffList[random.int(staffList.count)]
            guard let opened else {
                add("cases.csv", [caseId, individual ? "individual" : "family", household, individual ? members[0].id : nil, municipality,
                                  staff, waitlisted.iso, nil, nil, nil, nil])
                continue
            }
            let end = min(closed ?? opened.adding(days: 700), today)
            let span = max(1, end.dayNumber - opened.dayNumber)
            let signed = opened.adding(days: random.int(min(60, span)))
            // An active case's next review: a few overdue, most in the coming weeks.
            let review = closed == nil ? today.adding(days: -10 + random.int(70)) : nil
            add("cases.csv", [caseId, individual ? "individual" : "family", household, individual ? members[0].id : nil, municipality,
                              staff, waitlisted.iso, opened.iso, closed?.iso, reason, review?.iso])
            agreementId += 1
            add("agreements.csv", [agreementId, caseId, signed.iso])
            // Each goal of an agreement from another template, so no household holds the same goal twice on one date.
            let firstTemplate = random.int(templates.count)
            var goalModules: Set<String> = []
            for number in 0..<(2 + random.int(3)) {
                goalId += 1
                let template = templates[(firstTemplate + number) % templates.count]
                goalModules.insert(template.module)
                let member = members[random.int(members.count)]
                var status = ["open", "open", "achieved", "dropped"][random.int(4)]
                let statusOn = signed.adding(days: random.int(180) + 1)
                if statusOn > today { status = "open" }
                // An open goal of a running case was reviewed and given a new date, a few weeks overdue at most.
                var due = signed.adding(months: 6)
                if status == "open", closed == nil, due < today.adding(days: -30) { due = today.adding(days: -30 + random.int(150)) }
                add("goals.csv", [goalId, agreementId, member.id, template.module, template.template, goalTitle(template.module, template.template),
                                  due.iso, status, status == "open" ? nil : statusOn.iso])
            }
            // Reviews every six months after signing, each in a conversation about the agreement's
            // goals; most within a few days of their date, some late.
            var reviewDue = signed.adding(months: 6)
            while reviewDue < end.adding(days: -30) {
                let held = reviewDue.adding(days: -5 + reviewRandom.int(reviewRandom.unit() < 0.8 ? 15 : 45))
                guard held <= end else { break }
                reviewId += 1
                add("reviews.csv", [reviewId, caseId, reviewDue.iso, held.iso])
                conversationId += 1
                add("conversations.csv", [conversationId, caseId, held.iso, individual || reviewRandom.unit() < 0.5 ? "individual" : "family",
                                          goalModules.sorted().joined(separator: ";")])
                reviewDue = held.adding(months: 6)
            }
            for _ in 0..<(3 + random.int(5)) {
                conversationId += 1
                let topics = ["language", "work", "school", "housing", "social"].filter { _ in random.unit() < 0.35 }
                add("conversations.csv", [conversationId, caseId, opened.adding(days: random.int(span)).iso, individual || random.unit() < 0.55 ? "individual" : "family",
                                          (topics.isEmpty ? ["language"] : topics).joined(separator: ";")])
            }
            for _ in 0..<random.int(4) {
                referralId += 1
                let services = ["jobcenter", "employment_agency", "nifo", "language_course_provider", "schools", "recognition_counselling", "migration_counselling",
                                "immigration_office", "welfare_associations", "bamf", "psychological_counselling", "parenting_counselling", "debt_counselling",
                                "addiction_counselling", "early_help"]
                let person = members[random.int(members.count)].id, date = opened.adding(days: random.int(span)).iso
                let service = services[random.int(services.count)], problems = Self.problems[service] ?? ["Beratung"]
                add("referrals.csv", [referralId, caseId, person, date, service, problems[random.int(problems.count)], nil])
            }
            for member in members {
                for _ in 0..<random.int(3) {
                    outcomeId += 1
                    let date = opened.adding(days: random.int(span)).iso
                    if member.adult {
                        switch random.int(6) {
                        case 0: add("outcomes.csv", [outcomeId, member.id, "language", "course_enrolled", nil, date])
                        case 1: add("outcomes.csv", [outcomeId, member.id, "language", "level_reached", ["A1", "A2", "B1", "B2"][random.int(4)], date])
                        case 2: add("outcomes.csv", [outcomeId, member.id, "work", ["employment", "training", "qualification"][random.int(3)], nil, date])
                        case 3: add("outcomes.csv", [outcomeId, member.id, "housing", ["own_housing", "police_law_accommodation", "seeking_better_housing"][random.int(3)], nil, date])
                        case 4: add("outcomes.csv", [outcomeId, member.id, "social", ["club", "volunteering"][random.int(2)], nil, date])
                        default: add("outcomes.csv", [outcomeId, member.id, "language", "course_completed", nil, date])
                        }
                    } else {
                        let (module, kind) = [("school", "tutoring"), ("school", "homework_support"), ("school", "parent_teacher_talk"),
                                              ("social", "holiday_programme"), ("social", "club"), ("housing", "own_housing")][random.int(6)]
                        add("outcomes.csv", [outcomeId, member.id, module, kind, nil, date])
                    }
                }
            }
        }
        for contact in 1...max(3, households / 2) {
            let municipality = 1 + random.int(municipalityCount)
            let partner = Self.partners[random.int(Self.partners.count)]
            let staffList = staffByMunicipality[municipality]!
            add("contacts.csv", [contact, municipality, staffList[random.int(staffList.count)],
                                 min(random.date(from: moved(LocalDate(year: 2018, month: 3, day: 1)!), days: 900), today).iso, partner.0, partner.1])
        }
        for (name, text) in files {
            let url = folder.appendingPathComponent(name)
            try Data(text.utf8).write(to: url, options: .atomic)
            chmod(url.path, 0o600)
        }
        return caseId
    }
}
