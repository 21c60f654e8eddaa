import ArgumentParser
import Foundation
import LotseCore

/// The archive bundles (`batch archive --out`) and their passphrase, where a command
/// reads what they hold (`batch offer` with names, `batch handoff`).
struct ArchiveOptions: ParsableArguments {
    @Option(help: ArgumentHelp("Folder of the archive bundles (batch archive --out).", valueName: "dir")) var archive: String?
    @Option(name: .customLong("passphrase-file"), help: ArgumentHelp("The archive passphrase (else asked).", valueName: "file")) var passphraseFile: String?

    /// The bundles, when a folder is named.
    func bundles(_ voice: Voice) throws -> ArchiveExchange.Bundles? {
        try archive.map { ArchiveExchange.Bundles(folder: URL(fileURLWithPath: $0), passphrase: try Passphrase.read(file: passphraseFile, confirm: false, voice: voice)) }
    }
}

extension Session {
    /// The xdomea exchange with the county's archive, in the deployment's words.
    var archiveExchange: ArchiveExchange {
        ArchiveExchange(store: store, catalog: context.catalog, deployment: context.configuration.deployment,
                        organisation: context.configuration.organisation, product: Lotse.version)
    }

    /// The archive's message in a file: read, validated, its kind and objects.
    func archiveMessage(_ file: String) throws -> XdomeaReply {
        try XdomeaReply.read(try UserRights.read(file, limit: Xdomea.maxMessageBytes), resources: context.resources)
    }
}
