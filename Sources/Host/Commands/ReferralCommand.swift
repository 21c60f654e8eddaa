import ArgumentParser
import Foundation
import LotseCore
import PluginKit

extension Lotse {
    /// `lotse referral add`.
    struct ReferralCommand: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "referral", abstract: "Record referrals to regular services.",
                                                        subcommands: [Add.self])
    }
}
