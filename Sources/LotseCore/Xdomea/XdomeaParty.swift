import Foundation
import PluginKit

/// An authority as a message names it: its name, postal address and official key
/// (from the municipality's settings, where the receiver is one of this installation).
public struct XdomeaParty: Sendable, Equatable {
    public var name: String
    public var address: PostalAddress?
    public var authorityKey: String?

    public init(name: String, address: PostalAddress? = nil, authorityKey: String? = nil) {
        self.name = name
        self.address = address
        self.authorityKey = authorityKey
    }
}

/// A file of a package, as the message names it: its object id, the name in the zip
/// (`{id}_{name}`, the schema's `stringDateinameType`) and what it is.
struct PackedFile: Sendable, Equatable {
    var id: String
    var originalName: String
    var subject: String
    var type: String
    var date: LocalDate
    var formatVersion: String

    var fileName: String { "\(id)_\(originalName)" }
    var ext: String { (originalName as NSString).pathExtension }
}
