import ArgumentParser
import Foundation
import LotseCore

/// Passphrase and trusted keys for reading bundles.
struct BundleReadOptions: ParsableArguments {
    @Option(name: .customLong("passphrase-file"), help: ArgumentHelp("Read the passphrase from this file (else asked at the terminal when the bundle is encrypted).", valueName: "file"))
    var passphraseFile: String?
    @Option(name: .customLong("trusted-keys"), help: ArgumentHelp("Folder of trusted senders' public keys (default: trustedKeysDir in plugins.json).", valueName: "dir"))
    var trustedKeys: String?

    /// A reader for the bundle at `path`: asks for the passphrase only if it is encrypted.
    func reader(for path: String, context: AppContext) throws -> BundleReader {
        let deployment = context.configuration.deployment
        let folder = (trustedKeys ?? deployment.trustedKeysDir).map { URL(fileURLWithPath: $0) }
        var reader = BundleReader(passphrase: nil, trustedKeys: SigningKey.trusted(in: folder),
                                  limits: BundleLimits(maxEntryMB: deployment.bundleMaxEntryMB, maxTotalMB: deployment.bundleMaxTotalMB))
        if passphraseFile != nil || (try? BundleReader.isEncrypted(path)) == true {
            reader.passphrase = try Passphrase.read(file: passphraseFile, confirm: false)
        }
        return reader
    }
}
