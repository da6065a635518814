import Mesh

/// What came of calling another service's contract: its typed reply, its refusal (any kind other
/// than `ok`, with the data the refusal carries), or no usable answer at all.
public enum MeshOutcome<Reply: MeshMessage>: Sendable {
    case ok(Reply)
    case refused(CanonicalReply)
    /// The service could not be reached, did not answer in time, or answered outside its contract.
    case failed(MeshCallError)
}
