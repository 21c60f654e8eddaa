/// The modules a build of lotse knows, in their default order. The host fills it from
/// one static list; plugins.json then enables, orders and configures them.
public struct ModuleRegistry: Sendable {
    public let modules: [any IntegrationModule]

    public init(_ modules: [any IntegrationModule]) { self.modules = modules }

    public var ids: [String] { modules.map(\.id) }

    public func module(_ id: String) -> (any IntegrationModule)? { modules.first { $0.id == id } }
}
