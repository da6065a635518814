import Foundation

/// What makes one service itself: its name, default port, database schema and migrations.
public struct ServiceDescriptor: Sendable {
    /// Lower-case name, also the prefix of its environment variables (`auth` → `AUTH_PORT`).
    public let name: String
    public let defaultPort: Int
    /// The PostgreSQL schema the service owns; nil for a service without a database.
    public let schema: String?
    /// The folder of ordered `NNNN_name.sql` migrations of that schema.
    public let migrations: URL?
    /// True for the public edge (the gateway): it has no mesh-only routes, every route is public.
    public let isPublicEdge: Bool

    public init(
        name: String, defaultPort: Int, schema: String? = nil, migrations: URL? = nil, isPublicEdge: Bool = false
    ) {
        self.name = name
        self.defaultPort = defaultPort
        self.schema = schema
        self.migrations = migrations
        self.isPublicEdge = isPublicEdge
    }
}
