import JSON

/// What `GET /internal/operations` answers on every service, for the gateway's API reference: the mesh
/// names (`dialect/name`) of the client operations the service serves now.
public struct ServedOperations: MeshMessage, Equatable {
    public let names: [String]

    public init(names: [String]) {
        self.names = names
    }

    public init(json: JSONObject) throws(MeshProtocolError) {
        names = try MeshFields(json).list("operations") { (value, position) throws(MeshProtocolError) -> String in
            guard let name = value.stringValue else { throw .invalid(position, "a text") }
            return name
        }
    }

    public var json: JSONObject { ["operations": .array(names.map(JSONValue.string))] }
}
