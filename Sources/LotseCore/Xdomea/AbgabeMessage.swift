import Crypto
import Foundation
import PluginKit

/// `Abgabe.Abgabe.0401`: one case handed to an office without lotse, as one `Akte`.
struct AbgabeMessage {
    let bundle: CaseBundle
    let sender: XdomeaParty
    let receiver: XdomeaParty
    let product: String
    let catalog: Catalog

    var process: String { bundle.bundleId }
    var akteId: String { Xdomea.objectId(process: process, "akte") }
    var files: [PackedFile] { CaseAkte.files(of: bundle, akte: akteId, catalog: catalog) }

    var xml: XMLNode {
        XdomeaKopf.message(.abgabe, [
            XdomeaKopf.kopf(process: process, .abgabe, sender: sender, receiver: receiver, unit: catalog.render(Message("xdomea.unit")), product: product,
                            flags: [("Importbestaetigung", true), ("Empfangsbestaetigung", true)]),
            XMLNode("xdomea:Schriftgutobjekt", [CaseAkte(bundle: bundle, id: akteId, files: files, catalog: catalog).xml]),
        ])
    }

    /// Writes the package at `path` (`{ProzessID}_Abgabe.Abgabe.0401.zip`).
    func write(caseFilePDF: Data, attachments: [String: URL], signingKey: Curve25519.Signing.PrivateKey?, as path: String) throws {
        try XdomeaPackageWriter(signingKey: signingKey).write(process: process, .abgabe, xml: xml,
                                                             files: try XdomeaPackageWriter.caseFiles(bundle, packed: files, pdf: caseFilePDF, attachments: attachments), as: path)
    }
}
