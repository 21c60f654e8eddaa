import ArgumentParser
import LotseCore
import PluginKit

/// What is asked about a person joining a case (`case new`, `person add`).
struct PersonOptions: ParsableArguments {
    @Option(name: .customLong("family-name"), help: "Family name.") var familyName: String
    @Option(name: .customLong("given-names"), help: "Given names.") var givenNames: String
    @Option(help: ArgumentHelp("Birth date (1985-03-02 or 02.03.1985) or year alone (1985).", valueName: "date")) var born: BirthDate
    @Option(help: "f, m, d or u.") var sex: String?
    @Option(help: ArgumentHelp("Arrival date in Germany.", valueName: "date")) var arrival: LocalDate?
    @Option(name: .customLong("stay-prospect"), help: "high, medium, low or unknown.") var stayProspect: String?
    @Option(help: "Country of origin: ISO 3166-1 code, e.g. SY, UA, AF (XS stateless, ZZ unknown).") var country: String?
    @Option(help: "Residence status: residence_permit, settlement_permit, permission_to_reside, toleration, temporary_protection, other or unknown (or its German name).") var residence: String?
    @Option(name: .customLong("residence-status"), help: "Residence status as free text, a note (e.g. valid until 03/2027).") var residenceStatus: String?
    @Option(help: ArgumentHelp("Languages read, comma-separated: tags (ar, fa-AF) or names (Arabic, Dari); the first is the language of the client's documents, words that name no language are kept as a note.", valueName: "languages")) var languages: String?
    @Flag(help: "Needs an interpreter.") var interpreter = false
    @Option(help: "Phone number.") var phone: String?
    @Option(help: "Address.") var address: String?

    /// The person, with the words typed for sex, stay prospect and residence resolved.
    func person(_ context: AppContext) throws -> NewPerson {
        let spoken = try languages.map { try context.languageNames().code($0) }
        var person = NewPerson(familyName: familyName, givenNames: givenNames, birth: born, sex: try context.choice(sex, "--sex") ?? Sex.unknown, arrivalDate: arrival,
                  stayProspect: try context.choice(stayProspect, "--stay-prospect") ?? StayProspect.unknown,
                  country: country, residence: try context.residence(residence), residenceStatus: residenceStatus, languages: spoken?.note, interpreterNeeded: interpreter, phone: phone, address: address)
        person.languageCodes = spoken?.codes ?? []
        return person
    }
}

extension Array where Element == PersonMatch {
    /// Warns that a new person looks like persons already recorded.
    func warnAsPossibleDuplicates(except personId: Int64, voice: Voice) {
        let others = filter { $0.personId != personId }
        guard !others.isEmpty else { return }
        voice.error(Message("warning.duplicate", ["persons": .list(others.map {
            .message(Message("warning.duplicate.person", ["person": .number($0.personId), "given": .text($0.givenNames), "family": .text($0.familyName),
                                                          "born": .text($0.birth), "cases": .list($0.caseIds.map { .number($0) })]))
        })]))
    }
}
