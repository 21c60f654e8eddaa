import Benchmark
import Foundation
import LotseBinary

/// The agreement fit to sign in two languages (issue #29): `agreement print --format
/// pdf` of an agreement with 20 goals, German beside Arabic (right-to-left, shaped),
/// under 300 ms at the median, process start included; `pdftotext` reading the same
/// file back is timed beside it as a yardstick.
let benchmarks: @Sendable () -> Void = {
    let lotse = LotseBinary()
    let folder = LotseBinary.dataFolder.appendingPathComponent("print-\(getpid())")
    let database = folder.appendingPathComponent("lotse.sqlite").path
    let pdf = folder.appendingPathComponent("vereinbarung.pdf")
    let yardstick = BenchmarkMetric.custom("pdftotext reading it (ms)", polarity: .prefersSmaller, useScalingFactor: false)

    /// One family (two adults reading Arabic, two children) with an agreement of 20
    /// goals from the templates, through the legacy import.
    func prepare() throws {
        try? FileManager.default.removeItem(at: folder)
        let csv = folder.appendingPathComponent("csv")
        try FileManager.default.createDirectory(at: csv, withIntermediateDirectories: true)
        let templates = ["language.enrol_course", "language.complete_course", "language.reach_target_level", "work.find_employment",
                         "work.recognition", "work.clarify_permit", "school.tutoring", "school.homework_support", "housing.find_flat",
                         "housing.clear_arrears", "social.join_club", "social.counselling"]
        // Each goal titled as its template is in German, so the Arabic side has its wording.
        func title(_ template: String) throws -> String {
            let parts = template.split(separator: ".").map(String.init)
            let texts = try JSONDecoder().decode([String: String].self, from: Data(contentsOf: lotse.root.appendingPathComponent("resources/locales/de/\(parts[0]).json")))
            return texts["goal.\(parts[1]).title"]!
        }
        let goals = try (1...20).map { index in
            let template = templates[index % templates.count]
            return "\(index),1,\(index % 2 + 1),\(template.split(separator: ".")[0]),\(template),\(try title(template)),2027-0\(index % 9 + 1)-15,open,"
        }
        let files = [
            "municipalities.csv": ["id,name,kind,fte", "1,Stadt Aalen,city,1.5"],
            "staff.csv": ["id,municipality_id,name,role,fte_share", "1,1,Petra Maier,manager,1"],
            "households.csv": ["id,municipality_id", "1,1"],
            "persons.csv": ["id,household_id,family_name,given_names,birth_date,sex,arrival_date,residence_status,stay_prospect",
                            "1,1,Haddad,Amal,1985-03-02,f,2015-10-01,,high", "2,1,Haddad,Karim,1982-02-02,m,2015-10-01,,high",
                            "3,1,Haddad,Omar,2010-05-02,m,2015-10-01,,high", "4,1,Haddad,Lina,2016-01-20,f,2016-01-20,,high"],
            "cases.csv": ["id,kind,household_id,person_id,municipality_id,staff_id,waitlisted_on,opened_on,closed_on,closure_reason",
                          "1,family,1,,1,1,2018-01-10,2018-03-01,,"],
            "agreements.csv": ["id,case_id,signed_on", "1,1,2018-03-05"],
            "goals.csv": ["id,agreement_id,person_id,module,template,title,due_on,status,status_on"] + goals,
        ]
        for (name, lines) in files { try Data((lines.joined(separator: "\n") + "\n").utf8).write(to: csv.appendingPathComponent(name)) }
        try lotse.initialise(database)
        try lotse.run(["import", "legacy", csv.path], database: database)
        for person in ["1", "2"] { try lotse.run(["person", "edit", person, "--languages", "ar"], database: database) }
    }

    Benchmark("agreement print --format pdf, 20 goals, German beside Arabic",
              configuration: .init(metrics: [.wallClock, yardstick], warmupIterations: 2, maxDuration: .seconds(20), maxIterations: 50,
                                   thresholds: [.wallClock: .init(absolute: [.p50: 300_000_000])])) { benchmark in
        for _ in benchmark.scaledIterations {
            try? FileManager.default.removeItem(at: pdf)
            benchmark.startMeasurement()
            try lotse.run(["agreement", "print", "1", "--format", "pdf", "-o", pdf.path], database: database)
            benchmark.stopMeasurement()
            benchmark.measurement(yardstick, Int(try lotse.time("/usr/bin/pdftotext", [pdf.path, "/dev/null"]) / .milliseconds(1)))
        }
    } setup: {
        try prepare()
    } teardown: {
        try? FileManager.default.removeItem(at: folder)
    }
}
