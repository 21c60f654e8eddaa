import ArgumentParser
import LotseCore
import PluginKit

extension Lotse {
    /// `lotse due`: the day's work list.
    struct DueCommand: LotseCommand {
        static let configuration = CommandConfiguration(
            commandName: "due", abstract: "The day's work list: what is overdue, then what falls due in the next days.",
            discussion: """
                Reviews, goals, handover receipts not yet back and cases reaching their limit of care (careEndWarningMonths); \
                for whoever archives, cases past retention not offered to the archive and offers it left unanswered. \
                A manager sees their own cases, a team lead their municipality; county-wide, a summary per municipality unless --all.
                """)
        @OptionGroup var store: StoreOptions
        @OptionGroup var output: OutputOptions
        @Option(help: "Days ahead.") var days = 14
        @Option(help: "Only this staff member's cases (id or name).") var staff: String?
        @Option(help: "Only this municipality's cases (id or name).") var municipality: String?
        @Flag(help: "Every item, not the summary per municipality (county-wide).") var all = false
        @Option(help: "Page number, from 1.") var page = 1
        @Option(name: .customLong("page-size"), help: "Items per page.") var pageSize = 50
        @OptionGroup var date: DateOption

        func run(in source: SessionSource) throws {
            guard page >= 1, (1...1000).contains(pageSize) else { throw UsageError("case.listPage") }
            guard (0...366).contains(days) else { throw UsageError("due.days") }
            let session = try source.session(store)
            let voice = session.voice
            let today = date.date, until = today.adding(days: days)
            let deployment = session.context.configuration.deployment
            let principal = session.store.principal
            // Whoever archives also hears what waits on the archive (counts only).
            if deployment.archiveOffer, principal.may(.archive), !output.json {
                let backlog = try session.store.archiveOfferBacklog(deployment: deployment, on: today)
                if backlog.neverOffered > 0 { voice.say("due.neverOffered", ["count": .number(backlog.neverOffered)]) }
                if backlog.unanswered > 0 { voice.say("due.offerUnanswered", ["count": .number(backlog.unanswered), "months": .number(deployment.archiveAnswerMonths)]) }
            }
            var scope = DueScope(staff: staff, municipality: municipality)
            if staff == nil, municipality == nil {
                if principal.roles.contains(.manager), !principal.roles.contains(.lead), let own = principal.staffId {
                    scope.staff = String(own)
                } else if principal.municipalityId == nil, !all {
                    let summary = try session.store.dueSummary(today: today, until: until, deployment: deployment)
                    if output.json { return print(try JSONOutput.string(summary)) }
                    voice.say("due.summary", ["date": .date(until)])
                    return print(TextTable(header: voice.columns("table.dueSummary"),
                                           rows: summary.map { [$0.municipality, String($0.overdue), String($0.coming)] }).render())
                }
            }
            let items = try session.store.due(until: until, scope: scope, deployment: deployment)
            if output.json { return print(try JSONOutput.string(items)) }
            if items.isEmpty { return voice.say("due.none", ["date": .date(until)]) }
            let overdue = items.filter { $0.date < today }, coming = items.filter { $0.date >= today }
            let pages = max(1, (items.count + pageSize - 1) / pageSize)
            guard page <= pages else { throw UsageError("list.noSuchPage", ["page": .number(page), "pages": .number(pages)]) }
            let shown = Array(items.dropFirst((page - 1) * pageSize).prefix(pageSize))
            let shownOverdue = shown.filter { $0.date < today }, shownComing = shown.filter { $0.date >= today }
            if !shownOverdue.isEmpty {
                voice.say("due.overdue", ["count": .number(overdue.count)])
                print(TextTable(header: voice.columns("table.dueOverdue"), rows: shownOverdue.map {
                    [voice.date($0.date), String($0.daysOverdue(on: today)), String($0.caseId), $0.person ?? "–", what($0, voice), $0.staff ?? "–"]
                }).render())
            }
            if !shownComing.isEmpty {
                if !shownOverdue.isEmpty { print() }
                voice.say("due.coming", ["count": .number(coming.count), "date": .date(until)])
                print(TextTable(header: voice.columns("table.due"), rows: shownComing.map {
                    [voice.date($0.date), String($0.caseId), $0.person ?? "–", what($0, voice), $0.staff ?? "–"]
                }).render())
            }
            if pages > 1 { voice.say("due.page", ["page": .number(page), "pages": .number(pages)]) }
        }

        private func what(_ item: DueItem, _ voice: Voice) -> String {
            voice.text("due.what.\(item.kind.rawValue)", ["title": .text(item.title ?? ""), "to": .text(item.title ?? "")])
        }
    }
}
