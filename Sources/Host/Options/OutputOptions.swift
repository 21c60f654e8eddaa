import ArgumentParser
import Foundation
import LotseCore
import PluginKit

/// `--json` on commands whose output is data.
struct OutputOptions: ParsableArguments {
    @Flag(help: "Print JSON instead of text.") var json = false
}
