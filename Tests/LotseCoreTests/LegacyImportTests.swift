import Foundation
import LotseCore
import Testing

@Suite struct LegacyImportTests {
    /// A small, valid export of a previous system.
    static let valid: [String: String] = [
        "municipalities.csv": "id,name,kind,fte\n1,Stadt Aalen,city,1.5\n2,Landratsamt Ostalbkreis,county,3\n",
        "staff.csv": "id,municipality_id,name,role,fte_share\n10,1,Petra Maier,manager,0.5\n",
        "households.csv": "id,municipality_id\n100,1\n101,2\n",
        "persons.csv": """
            id,household_id,family_name,given_names,birth_date,sex,arrival_date,residence_status,stay_prospect
            1000,100,Haddad,Amal,1985,f,2015-10-01,Aufenthaltserlaubnis,high
            1001,100,Haddad,Omar,2010-05-02,m,2015-10-01,,high
            1002,101,Tesfaye,Yonas,1990-01-01,m,2016-01-10,Duldung,medium

            """,
        "cases.csv": """
            id,kind,household_id,person_id,municipality_id,staff_id,waitlisted_on,opened_on,closed_on,closure_reason
            500,family,100,,1,10,2018-01-15,2018-03-01,,
            501,individual,101,1002,2,,2018-01-20,2018-04-01,2019-05-01,moved_away

            """,
        "agreements.csv": "id,case_id,signed_on\n700,500,2018-03-15\n",
        "goals.csv": "id,agreement_id,person_id,module,template,title,due_on,status,status_on\n800,700,1000,language,enrol_course,\"Anmeldung Sprachkurs, Integrationskurs\",2018-06-15,achieved,2018-05-20\n",
        "conversations.csv": "id,case_id,date,kind,topics\r\n900,500,2018-03-15,family,language;school\r\n",
        "referrals.csv": "id,case_id,person_id,date,service,problem,outcome\n950,500,1000,2018-03-20,jobcenter,\"Leistungsbescheid\nund Widerspruch\",geklärt\n",
        "outcomes.csv": "id,person_id,module,kind,value,date\n990,1000,language,level_reached,b1,2019-02-01\n",
        "contacts.csv": "id,municipality_id,staff_id,date,partner_kind,partner\n30,1,10,2018-04-01,club,TSV Aalen\n",
    ]

    func folder(_ files: [String: Data]) throws -> URL {
        let folder = TestStore.temporaryFolder()
        for (name, data) in files { try data.write(to: folder.appendingPathComponent(name)) }
        return folder
    }

    func folder(_ files: [String: String]) throws -> URL { try folder(files.mapValues { Data($0.utf8) }) }

    /// Imports the valid fixture with one file replaced; returns the problems listed.
    func problems(_ file: String, _ text: String) throws -> [String] { try problems(file, Data(text.utf8)) }

    func problems(_ file: String, _ data: Data) throws -> [String] {
        var files = Self.valid.mapValues { Data($0.utf8) }
        files[file] = data
        let store = try TestStore.make()
        do {
            _ = try LegacyImporter(store: store).run(folder: try folder(files))
            Issue.record("the import should have been refused")
            return []
        } catch let failure as LegacyImporter.Failure {
            #expect(try TestStore.count(store, "municipality") == 0, "nothing is imported")
            #expect(try TestStore.count(store, "auditEvent") == 0)
            return failure.problems.map(TestStore.english)
        }
    }

    @Test func aValidExportImportsWholeAndKeepsLegacyIds() throws {
        let store = try TestStore.make()
        let summary = try LegacyImporter(store: store).run(folder: try folder(Self.valid))
        #expect(summary.total == 16 && summary.inserted["persons.csv"] == 3 && !summary.alreadyImported)
        let family = try store.caseDetail(1)
        #expect(family.caseFile.status == .active && family.caseFile.sourceRef == "legacy:500" && family.staff == "Petra Maier")
        #expect(family.members.map { $0.identity!.givenNames } == ["Amal", "Omar"])
        #expect(family.members[0].person.birth.description == "1985")
        #expect(family.referrals.first?.problem == "Leistungsbescheid\nund Widerspruch")
        #expect(family.agreements.first?.goals.first?.goal.template == "language.enrol_course")
        #expect(family.agreements.first?.goals.first?.goal.title == "Anmeldung Sprachkurs, Integrationskurs")
        #expect(family.outcomes.first?.value == "B1")
        let individual = try store.caseDetail(2)
        #expect(individual.caseFile.status == .closed && individual.caseFile.closureReason == "moved_away")
        #expect(try store.verifyAudit().isIntact)
    }

    @Test func importingAgainChangesNothing() throws {
        let store = try TestStore.make()
        let files = try folder(Self.valid)
        _ = try LegacyImporter(store: store).run(folder: files)
        let again = try LegacyImporter(store: store).run(folder: files)
        #expect(again.alreadyImported && again.total == 0)
        var more = Self.valid
        more["contacts.csv"]! += "31,2,,2018-05-01,volunteers,Helferkreis Asyl\n"
        let extended = try LegacyImporter(store: store).run(folder: try folder(more))
        #expect(extended.total == 1 && extended.inserted["contacts.csv"] == 1 && extended.unchanged == 16)
        #expect(try TestStore.count(store, "person") == 3)
    }

    @Test func badValuesAreListedWithFileLineAndColumn() throws {
        #expect(try problems("persons.csv", """
            id,household_id,family_name,given_names,birth_date,sex,arrival_date,residence_status,stay_prospect
            1000,100,Haddad,Amal,1985,f,2015-10-01,,high
            1001,100,Haddad,Omar,12.3.85,x,2015-13-01,,sure
            1002,101,Tesfaye,,1990-01-01,m,2016-01-10,,medium

            """) == [
                "persons.csv:3: birth_date: expected a date YYYY-MM-DD or a year YYYY, got \"12.3.85\"",
                "persons.csv:3: sex: expected one of f, m, d, u, got \"x\"",
                "persons.csv:3: arrival_date: expected a date YYYY-MM-DD, got \"2015-13-01\"",
                "persons.csv:3: stay_prospect: expected one of high, medium, low, unknown, got \"sure\"",
                "persons.csv:4: given_names: is empty; a value is required",
            ])
    }

    @Test func unknownReferencesModulesKindsServicesAndReasons() throws {
        #expect(try problems("cases.csv", """
            id,kind,household_id,person_id,municipality_id,staff_id,waitlisted_on,opened_on,closed_on,closure_reason
            500,family,100,,1,10,2018-01-15,2018-03-01,,
            501,individual,999,1002,2,,2018-01-20,2018-04-01,2019-05-01,retired

            """) == [
                "cases.csv:3: household_id: households.csv has no id \"999\"",
                "cases.csv:3: closure_reason: unknown closure reason \"retired\"; expected one of moved_away, integration_completed, no_longer_eligible, no_contact, declined, deceased, other",
            ])
        #expect(try problems("outcomes.csv", "id,person_id,module,kind,value,date\n990,1000,language,diploma,,2019-02-01\n991,1000,cooking,club,,2019-02-01\n992,1000,language,level_reached,B7,2019-02-01\n") == [
            "outcomes.csv:2: kind: module language has no outcome kind \"diploma\"; expected one of course_enrolled, course_completed, level_reached",
            "outcomes.csv:3: module: unknown module \"cooking\"; expected one of housing, language, school, social, work",
            "outcomes.csv:4: value: outcome language.level_reached needs a CEFR level A1–C2 as its value",
        ])
        #expect(try problems("referrals.csv", "id,case_id,person_id,date,service,problem,outcome\n950,500,1000,2018-03-20,post_office,Brief,\n").first?
            .hasPrefix("referrals.csv:2: service: unknown service \"post_office\"") == true)
    }

    @Test func problemsInAParentRowAreNotRepeatedInItsChildren() throws {
        #expect(try problems("households.csv", "id,municipality_id\n100,7\n101,2\n") == ["households.csv:2: municipality_id: municipalities.csv has no id \"7\""])
    }

    @Test func structuralProblems() throws {
        #expect(try problems("staff.csv", "id,municipality_id,name,role\n10,1,Petra Maier,manager\n")
            == ["staff.csv:1: (header): lacks the column(s) fte_share; expected id,municipality_id,name,role,fte_share"])
        #expect(try problems("households.csv", "id,municipality_id\n100,1\n100,2\n101,2,extra\n") == [
            "households.csv:3: id: \"100\" appears twice in the file",
            "households.csv:4: (row): has 3 fields; the header has 2",
        ])
        #expect(try problems("contacts.csv", "id,municipality_id,staff_id,date,partner_kind,partner\n30,1,10,2018-04-01,club,\"TSV Aalen\n") == [
            "contacts.csv:2: (row): a quoted field is not closed before the end of the file",
        ])
        let latin1 = Data("id,case_id,signed_on\n700,500,2018-03-15\n701,500,M\u{FC}rz\n".utf8).replacing(Data([0xC3, 0xBC]), with: Data([0xFC]))
        #expect(try problems("agreements.csv", latin1) == ["agreements.csv:1: (file): is not UTF-8 text; export it as UTF-8"])
    }

    @Test func lineNumbersCountLineBreaksInsideQuotes() throws {
        #expect(try problems("referrals.csv", """
            id,case_id,person_id,date,service,problem,outcome
            950,500,1000,2018-03-20,jobcenter,"Bescheid
            mit zwei
            Zeilen",
            951,500,1000,2018-03-32,jobcenter,Brief,

            """) == ["referrals.csv:5: date: expected a date YYYY-MM-DD, got \"2018-03-32\""])
    }

    @Test func theDemoCountyImportsWithoutAProblemAndIsTheSameForASeed() throws {
        let first = TestStore.temporaryFolder(), second = TestStore.temporaryFolder()
        let cases = try DemoCounty(households: 120, seed: 7).write(to: first)
        try DemoCounty(households: 120, seed: 7).write(to: second)
        for name in LegacyImporter.files.map(\.name) {
            #expect(try Data(contentsOf: first.appendingPathComponent(name)) == Data(contentsOf: second.appendingPathComponent(name)), "\(name)")
        }
        let store = try TestStore.make()
        let summary = try LegacyImporter(store: store).run(folder: first)
        #expect(cases == 120 && summary.inserted["cases.csv"] == 120 && summary.inserted["municipalities.csv"] == 3)
        #expect(summary.inserted["persons.csv"]! > 200, "households of one to six persons")
    }
}
