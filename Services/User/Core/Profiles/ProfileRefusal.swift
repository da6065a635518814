import Mesh
import ServiceKit

/// Why a profile change was refused.
enum ProfileRefusal: Refusal, Equatable {
    /// The birthday was saved before and may not change (the mobile document's saveinfo rule).
    case birthdayAlreadySet
    /// The first save of the personal information must carry the birthday.
    case birthdayRequired

    var message: String {
        switch self {
        case .birthdayAlreadySet: "生日填写之后不可以再修改"
        case .birthdayRequired: "首次保存个人信息时须填写生日"
        }
    }

    var kind: ReplyKind { .invalidState }
}
