import Mesh

extension MeshCall {
    /// The caller's account id as the gateway resolved it from the session; nil without one.
    var accountID: Int64? {
        guard let text = caller?.userID, let id = Int64(text), id > 0 else { return nil }
        return id
    }
}
