import PluginKit

extension CaseBundle {
    /// The bundle as an older version (1 or 2), for a receiver that has not upgraded:
    /// without what that version cannot carry. Returns the labels of what was left out.
    public func asVersion(_ version: Int) -> (bundle: CaseBundle, leftOut: [TextValue]) {
        var old = self
        old.schema = "lotse-case/\(version)"
        var leftOut: [TextValue] = []
        if persons.contains(where: { $0.languageCodes != nil }) { leftOut.append(.label("handover.leftOut.languages")) }
        for index in old.persons.indices { old.persons[index].languageCodes = nil }
        if agreements.contains(where: { $0.interpreter != nil }) { leftOut.append(.label("handover.leftOut.interpreter")) }
        for index in old.agreements.indices { old.agreements[index].interpreter = nil }
        guard version == 1 else { return (old, leftOut) }
        if persons.contains(where: { $0.country != nil }) { leftOut.append(.label("handover.leftOut.country")) }
        if persons.contains(where: { $0.residence != nil }) { leftOut.append(.label("handover.leftOut.residence")) }
        if caseFile.supportSince != nil && caseFile.supportSince != caseFile.openedOn { leftOut.append(.label("handover.leftOut.supportSince")) }
        if caseFile.extendedOn != nil || caseFile.extensionReason != nil { leftOut.append(.label("handover.leftOut.extension")) }
        for index in old.persons.indices {
            old.persons[index].country = nil
            old.persons[index].residence = nil
        }
        old.caseFile.supportSince = nil
        old.caseFile.extendedOn = nil
        old.caseFile.extensionReason = nil
        return (old, leftOut)
    }
}
