import ArgumentParser
import Foundation
import LotseCore
import Synchronization

/// The open cases' ids for Tab completion, read again after every command.
final class CaseIdCache: Sendable {
    private let cached = Mutex<[String]>([])

    var ids: [String] { cached.withLock { $0 } }

    func refresh(from workplace: Workplace) {
        let ids = (try? workplace.session().store.openCaseIds().map(String.init)) ?? []
        cached.withLock { $0 = ids }
    }
}
