import ArgumentParser
import Foundation
import LotseCore

/// Passphrase and trusted keys for reading bundles.
struct BundleReadOptions: ParsableArguments {
    @Option(name: .customLong("passphrase-file"), help: ArgumentHelp("Read the passphrase from this file (else asked at the terminal when the bundle is encrypted).", valueName: "file"))
    var passphraseFile: String?
    @Option(name: .customLong("trusted-keys"), help: ArgumentHelp("Folder of trusted senders' public keys (default: trustedKeysDir in plugins.json).", valueName: "dir"))
    var trustedKeys: String?

    @Option(name: .customLong("allow-unsigned"), help: ArgumentHelp("Accept an unsigned bundle although trusted keys are configured; the reason is audited.", valueName: "reason"))
    var allowUnsigned: String?

    /// A reader for the bundle at `path`: asks for the passphrase only if it is encrypted.
    /// `verify` and `import` use the same reader, so what verifies imports.
    func reader(for path: String, context: AppContext) throws -> BundleReader {
        let deployment = context.configuration.deployment
        let folder = context.locations.trustedKeys(explicit: trustedKeys, deployment: deployment)
        if let allowUnsigned, allowUnsigned.trimmingCharacters(in: .whitespaces).isEmpty {
            throw UsageError("bundle.allowUnsignedReason")
        }
        var reader = BundleReader(passphrase: nil, trustedKeys: SigningKey.trusted(in: folder),
                                  limits: BundleLimits(maxEntryMB: deployment.bundleMaxEntryMB, maxTotalMB: deployment.bundleMaxTotalMB,
                                                       maxCaseJSONMB: deployment.caseJSONMaxMB),
                                  rules: BundleRules(vocabulary: try context.vocabulary(), maxPersons: deployment.maxPersonsPerCase, today: .today, fieldLimits: deployment.fieldLimits),
                                  allowUnsigned: allowUnsigned)
        reader.xdomeaSchema = Xdomea.schema(in: context.resources)
        if passphraseFile != nil || (try? BundleReader.isEncrypted(path)) == true {
            reader.passphrase = try Passphrase.read(file: passphraseFile, confirm: false, voice: context.voice)
        }
        return reader
    }
}
