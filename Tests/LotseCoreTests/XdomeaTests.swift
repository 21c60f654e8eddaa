import Foundation
@testable import LotseCore
import Testing

/// The parts of an xdomea message that do not need libxml2 or a database.
@Suite struct XdomeaTests {
    @Test func objectIdsAreVersion5UUIDsThatTheProcessIdDetermines() {
        let process = "4513fa55-b688-4f77-a9dc-463d833ff5ad"
        let akte = Xdomea.objectId(process: process, "akte")
        #expect(Xdomea.isUUID(akte))
        #expect(akte == Xdomea.objectId(process: process, "akte"), "a reply finds the same id again")
        #expect(akte != Xdomea.objectId(process: process, "casefile"))
        #expect(akte != Xdomea.objectId(process: "4513fa55-b688-4f77-a9dc-463d833ff5ae", "akte"))
        let parts = akte.split(separator: "-")
        #expect(parts[2].first == "5", "version 5")
        #expect(["8", "9", "a", "b"].contains(parts[3].first!), "RFC 9562 variant")
    }

    @Test func storedTextCannotBreakTheMessage() {
        let node = XMLNode("xdomea:Bemerkung", attributes: [("a", "\"<&>")], text: "Mann & Frau <b>\u{1B}[31m\u{0}\r\n")
        #expect(node.document.hasSuffix("<xdomea:Bemerkung a=\"&quot;&lt;&amp;&gt;\">Mann &amp; Frau &lt;b&gt;[31m&#13;\n</xdomea:Bemerkung>\n"))
        #expect(XMLNode("x", [nil, XMLNode.optional("y", ""), XMLNode.optional("z", "1")]).children == [XMLNode("z", text: "1")])
    }

    @Test func attachmentNamesKeepNoFolderAndNoControlCharacter() {
        #expect(XdomeaPackageWriter.safeName("../../etc/passwd") == "....etcpasswd")
        #expect(XdomeaPackageWriter.safeName("Bescheid\u{7}\n.pdf") == "Bescheid.pdf")
        #expect(XdomeaPackageWriter.safeName("..") == "datei")
        #expect(Xdomea.formatCode(forExtension: "PDF").code == "018")
    }
}
