import ArgumentParser
import Foundation
import LotseCore

extension Lotse.KeysCommand {
    struct Generate: LotseCommand {
        static let configuration = CommandConfiguration(
            commandName: "generate",
            abstract: "Make an Ed25519 key pair: NAME.key (private, mode 0600) and NAME.pub (give it to the receivers)."
        )
        @Option(help: "Folder for the keys.") var out = "."
        @Option(help: "File name without extension.") var name = "lotse-signing"

        func run(in source: SessionSource) throws {
            let voice = source.voice
            let (privateKey, publicKey) = try SigningKey.generate(folder: URL(fileURLWithPath: out), name: name)
            voice.say("keys.generated", ["private": .text(privateKey.path), "public": .text(publicKey.path)])
        }
    }
}
