import CXml
import Foundation
import PluginKit

/// libxml2's functions, opened with the first xdomea message a command reads
/// (`Sources/CXml/shim.h` says why).
let libxml = SharedLibrary.open(LOTSE_XML_LIBRARY) { lotse_xml_open() }

/// An element of a message read: its local name, namespace, text and child elements.
/// libxml2's tree is copied into these values and freed at once.
public struct XMLElement: Sendable, Equatable {
    public var name: String
    public var namespace: String?
    /// The element's own text (of its text children), trimmed.
    public var text: String
    public var children: [XMLElement]

    /// The first child of this name.
    public func child(_ name: String) -> XMLElement? { children.first { $0.name == name } }

    /// Every child of this name.
    public func children(_ name: String) -> [XMLElement] { children.filter { $0.name == name } }

    /// The element at a path of child names ("Kopf", "ProzessID").
    public func at(_ path: String...) -> XMLElement? {
        path.reduce(Optional(self)) { element, name in element?.child(name) }
    }

    /// Every element below this one, depth first.
    public var descendants: [XMLElement] { children.flatMap { [$0] + $0.descendants } }

    /// Parses `data` and validates it against the schema at `schema`, in that order,
    /// refusing before libxml2 sees it: more than `maxBytes`, and any document type
    /// declaration (the only way to an entity, internal or external). libxml2 is told
    /// never to use the network and not to substitute entities.
    static func validated(_ data: Data, schema: URL, maxBytes: Int) throws(BundleError) -> XMLElement {
        guard data.count <= maxBytes else { throw .limit(Message("xdomea.tooLarge", ["limit": .message(BundleReader.megabytes(UInt64(maxBytes)))])) }
        // UTF-8 only (a NUL byte means UTF-16 or worse), so the scan for a declaration sees every one.
        if data.contains(0) || data.starts(with: [0xFE, 0xFF]) || data.starts(with: [0xFF, 0xFE]) { throw .schema("xdomea.notXML") }
        if data.range(of: Data("<!DOCTYPE".utf8)) != nil || data.range(of: Data("<!ENTITY".utf8)) != nil { throw .unsafe("xdomea.doctype") }
        let xml: lotse_xml
        do { xml = try libxml.get() } catch { throw .unreadable(error.message) }
        let options = LOTSE_XML_NONET | LOTSE_XML_NOERROR | LOTSE_XML_NOWARNING | LOTSE_XML_NOCDATA
        let document = data.withUnsafeBytes { bytes in
            xml.xmlReadMemory(bytes.baseAddress?.assumingMemoryBound(to: CChar.self), Int32(bytes.count), "message.xml", nil, Int32(options))
        }
        guard let document else { throw .schema("xdomea.notXML") }
        defer { xml.xmlFreeDoc(document) }
        guard let parser = xml.xmlSchemaNewParserCtxt(schema.path) else { throw .unreadable(Message("xdomea.schemaMissing", ["path": .text(schema.path)])) }
        // libxml2 keeps the counter's address until the context is freed.
        let errors = UnsafeMutablePointer<Int32>.allocate(capacity: 2)
        errors.initialize(repeating: 0, count: 2)
        defer { errors.deallocate() }
        xml.xmlSchemaSetParserStructuredErrors(parser, lotse_xml_counter(), errors)
        let compiled = xml.xmlSchemaParse(parser)
        xml.xmlSchemaFreeParserCtxt(parser)
        guard let compiled else { throw .unreadable(Message("xdomea.schemaMissing", ["path": .text(schema.path)])) }
        defer { xml.xmlSchemaFree(compiled) }
        guard let validator = xml.xmlSchemaNewValidCtxt(compiled) else { throw .unreadable(Message("xdomea.schemaMissing", ["path": .text(schema.path)])) }
        defer { xml.xmlSchemaFreeValidCtxt(validator) }
        xml.xmlSchemaSetValidStructuredErrors(validator, lotse_xml_counter(), errors + 1)
        guard xml.xmlSchemaValidateDoc(validator, document) == 0, errors[1] == 0 else { throw .schema("xdomea.invalid") }
        guard let root = xml.xmlDocGetRootElement(document) else { throw .schema("xdomea.notXML") }
        return XMLElement(root)
    }

    private init(_ node: UnsafeMutablePointer<lotse_xml_node>) {
        name = String(cString: node.pointee.name)
        namespace = node.pointee.ns.flatMap { $0.pointee.href.map { String(cString: $0) } }
        var text = ""
        var children: [XMLElement] = []
        var child = node.pointee.children
        while let current = child {
            switch current.pointee.type {
            case LOTSE_XML_ELEMENT_NODE: children.append(XMLElement(current))
            case LOTSE_XML_TEXT_NODE, LOTSE_XML_CDATA_NODE: if let content = current.pointee.content { text += String(cString: content) }
            default: break
            }
            child = current.pointee.next
        }
        self.text = text.trimmingCharacters(in: .whitespacesAndNewlines)
        self.children = children
    }
}
