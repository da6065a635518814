import JSON
import Mesh

/// The mobile document knows one failure code, 300; every refusal of the user operations is answered
/// with it and a message saying what to fix.
enum MobileReplies {
    static func ok(_ message: String, data: JSONValue? = nil) -> CanonicalReply {
        CanonicalReply(kind: .ok, message: message, data: data)
    }

    static func reply(for error: any Error) -> CanonicalReply? {
        switch error {
        case let problem as InputProblem: problem.reply()
        case let refusal as AddressRefusal:
            .failure(refusal == .notFound ? .notFound : .invalidParams, refusal.message)
        case let refusal as ProfileRefusal: .failure(.invalidState, refusal.message)
        case let refusal as PointsExchange.Refusal:
            .failure(refusal == .insufficientPoints ? .invalidState : .invalidParams, refusal.message)
        case AvatarRefusal.notBase64: .failure(.invalidParams, "头像须为 base64 编码的图片")
        case AvatarRefusal.rejected(let message): .failure(.invalidParams, "头像修改失败：\(message)")
        default: nil
        }
    }
}
