import LotseCore
import PluginKit
import Synchronization

extension BatchRun {
    /// Runs the batch and shows each case's line as it is done ("FAILED" for a failed
    /// one). With `bar`, a terminal shows a progress bar and only the failed lines.
    /// Returns the failed cases' count with the results.
    func show(on date: LocalDate, dryRun: Bool, bar: Bool = false, voice: Voice) throws -> (results: [CaseResult], failed: Int) {
        let progress = Mutex<Progress?>(nil)
        let results = try run(on: date, dryRun: dryRun) { result, total in
            let line: String = switch result.outcome {
            case .success(let message): voice.text(message)
            case .failure(let error): voice.text("batch.failed", ["case": .number(result.caseId), "error": .message(Console.message(for: error))])
            }
            guard bar, !dryRun else { return print(line) }
            progress.withLock { progress in
                if progress == nil { progress = Progress(total: total) }
                progress?.step(line, failed: result.failed)
            }
        }
        progress.withLock { $0?.finish() }
        return (results, results.filter(\.failed).count)
    }
}
