import ArgumentParser
import Foundation
import LotseCore
import PluginKit

/// A command's working set: configuration, texts and the store.
struct Session {
    let context: AppContext
    let store: CaseStore

    init(context: AppContext, store: CaseStore) {
        self.context = context
        self.store = store
    }

    /// The store on an open database for `principal`, with the deployment's limits, in
    /// the principal's language.
    init(context: AppContext, database: LotseDatabase, principal: Principal, vocabulary: Vocabulary) throws {
        var store = CaseStore(database: database, principal: principal, vocabulary: vocabulary)
        store.fieldLimits = context.configuration.deployment.fieldLimits
        store.attachmentLimit = Int64(context.configuration.deployment.attachmentMaxMB) << 20
        self.init(context: try context.speaking(to: principal), store: store)
    }

    var today: LocalDate { LocalDate.today }
    /// The words of this session, in the principal's language.
    var voice: Voice { context.voice }
}
