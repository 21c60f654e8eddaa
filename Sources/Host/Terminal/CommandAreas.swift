import Foundation
import LotseCore

/// The commands as `help` in the REPL and the kiosk lists them: by area, each with the
/// permission its store function checks, so a user sees what their roles allow.
enum CommandAreas {
    struct Entry: Sendable {
        let path: String
        let permission: Permission
    }

    static let areas: [(key: String, entries: [Entry])] = [
        ("help.area.cases", [
            Entry(path: "case new", permission: .writeCases), Entry(path: "case list", permission: .readCases),
            Entry(path: "case show", permission: .readCases), Entry(path: "case edit", permission: .writeCases),
            Entry(path: "case close", permission: .writeCases), Entry(path: "case reopen", permission: .writeCases),
            Entry(path: "case reassign", permission: .reassignCases), Entry(path: "person add", permission: .writeCases),
            Entry(path: "person find", permission: .readCases), Entry(path: "move", permission: .writeCases),
            Entry(path: "waitlist show", permission: .readCases), Entry(path: "waitlist admit", permission: .writeCases),
        ]),
        ("help.area.counselling", [
            Entry(path: "intake", permission: .writeCases), Entry(path: "agreement print", permission: .readCases),
            Entry(path: "agreement edit", permission: .writeCases), Entry(path: "consent print", permission: .readCases),
            Entry(path: "review", permission: .writeCases), Entry(path: "due", permission: .readCases),
            Entry(path: "conversation add", permission: .writeCases), Entry(path: "referral add", permission: .writeCases),
            Entry(path: "outcome add", permission: .writeCases), Entry(path: "note", permission: .writeCases),
            Entry(path: "attach", permission: .writeCases), Entry(path: "consent add", permission: .writeCases),
            Entry(path: "consent withdraw", permission: .writeCases), Entry(path: "contact add", permission: .writeCases),
        ]),
        ("help.area.handover", [
            Entry(path: "handover export", permission: .writeCases), Entry(path: "handover import", permission: .writeCases),
            Entry(path: "handover verify", permission: .writeCases), Entry(path: "handover confirm", permission: .writeCases),
            Entry(path: "handover list", permission: .readCases),
        ]),
        ("help.area.reports", [
            Entry(path: "report", permission: .runReports), Entry(path: "batch close", permission: .batchClose),
        ]),
        ("help.area.privacy", [
            Entry(path: "person export", permission: .readCases), Entry(path: "person edit", permission: .writeCases),
            Entry(path: "person notice", permission: .readCases),
            Entry(path: "person erase", permission: .archive), Entry(path: "batch archive", permission: .archive),
            Entry(path: "batch offer", permission: .archive), Entry(path: "batch appraisal", permission: .archive),
            Entry(path: "batch handoff", permission: .archive), Entry(path: "batch confirm", permission: .archive),
            Entry(path: "batch purge", permission: .archive), Entry(path: "audit log", permission: .readAuditLog),
            Entry(path: "audit verify", permission: .readAuditLog),
        ]),
        ("help.area.administration", [
            Entry(path: "municipality add", permission: .configure), Entry(path: "municipality edit", permission: .configure),
            Entry(path: "municipality list", permission: .readOrganisation),
            Entry(path: "staff add", permission: .configure), Entry(path: "staff list", permission: .readOrganisation),
            Entry(path: "modules list", permission: .readOrganisation), Entry(path: "modules show", permission: .readOrganisation),
            Entry(path: "user add", permission: .manageUsers), Entry(path: "user list", permission: .manageUsers), Entry(path: "user edit", permission: .manageUsers),
            Entry(path: "user disable", permission: .manageUsers), Entry(path: "user enable", permission: .manageUsers),
            Entry(path: "user passwd", permission: .manageUsers), Entry(path: "user role", permission: .manageUsers),
            Entry(path: "import legacy", permission: .configure), Entry(path: "demo", permission: .configure),
            Entry(path: "keys generate", permission: .configure), Entry(path: "backup create", permission: .configure),
            Entry(path: "backup prune", permission: .configure), Entry(path: "doctor", permission: .configure),
            Entry(path: "migrate", permission: .configure),
        ]),
    ]

    /// Commands that are not run from the REPL or the kiosk (they set up or replace the
    /// installation, or are the kiosk).
    static let outside: Set<String> = ["init", "restore", "kiosk"]

    /// The overview for a user: the areas with the commands their roles allow, each
    /// with its one-line description.
    static func overview(for principal: Principal, catalog: Catalog) -> String {
        func help(_ key: String, _ arguments: [String: TextValue] = [:]) -> String { catalog.render(Message(key, arguments, namespace: "help")) }
        var lines = [help("help.repl.title", ["user": .text(principal.name), "roles": .list(principal.roles.sorted().map(\.label).map { .text(catalog.format($0)) })])]
        for (key, entries) in areas {
            let allowed = entries.filter { principal.may($0.permission) }
            guard !allowed.isEmpty else { continue }
            lines += ["", help(key)]
            let width = (allowed.map(\.path.count).max() ?? 0) + 2
            for entry in allowed {
                let abstract = help("cmd.lotse.\(entry.path.replacingOccurrences(of: " ", with: ".")).abstract")
                lines.append("  " + entry.path + String(repeating: " ", count: width - entry.path.count) + abstract)
            }
        }
        lines += ["", help("help.repl.footer")]
        return lines.joined(separator: "\n")
    }
}
