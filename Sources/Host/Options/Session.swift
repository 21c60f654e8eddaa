import ArgumentParser
import Foundation
import LotseCore
import PluginKit

/// A command's working set: configuration, texts and the store.
struct Session {
    let context: AppContext
    let store: CaseStore

    var today: LocalDate { LocalDate.today }
}
