import JSON

/// A request or reply of a `MeshContract`, read from and written to the JSON object it travels as.
/// Reading checks every field and names the first one that breaks the contract.
public protocol MeshMessage: Sendable, Equatable {
    init(json: JSONObject) throws(MeshProtocolError)
    var json: JSONObject { get }
}

/// A message without fields (an `ok` that carries no data travels as `"data": null`).
public struct MeshEmpty: MeshMessage {
    public init() {}
    public init(json: JSONObject) throws(MeshProtocolError) {}
    public var json: JSONObject { JSONObject() }
}
