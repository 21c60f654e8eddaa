import ArgumentParser
import LotseCore
import PluginKit

extension LocalDate: ExpressibleByArgument {
    public init?(argument: String) { self.init(parsing: argument) }
    public static var defaultCompletionKind: CompletionKind { .default }
}

extension BirthDate: ExpressibleByArgument {
    public init?(argument: String) { self.init(parsing: argument) }
}

