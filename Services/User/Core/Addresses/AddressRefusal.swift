import Mesh
import ServiceKit

/// Why an address operation was refused.
enum AddressRefusal: Refusal, Equatable {
    /// No address with that id belongs to the caller (another user's id reads the same).
    case notFound
    case limitReached(Int)
    /// A region code does not exist, is of the wrong level, or is not inside the one above it.
    case regionInvalid(String)

    var message: String {
        switch self {
        case .notFound: "收货地址不存在"
        case .limitReached(let limit): "收货地址最多 \(limit) 个"
        case .regionInvalid(let detail): "省市区不正确：\(detail)"
        }
    }

    var kind: ReplyKind { self == .notFound ? .notFound : .invalidParams }
}
