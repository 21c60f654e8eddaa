import Foundation
import PluginKit

/// Legacy ids of one file: which rows exist (and their rowid here), which were invalid.
struct LegacyIds {
    var rowids: [String: Int64] = [:]
    /// Ids of rows that had problems: references to them are not reported again.
    var invalid: Set<String> = []
    /// The whole file could not be read: no reference into it is reported.
    var unreadable = false
}
