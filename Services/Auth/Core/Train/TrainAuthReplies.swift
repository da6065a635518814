import Catalog
import Mesh

/// The train-ticket wording of auth refusals, with the codes of the document's appendix: 0019 for
/// a code that cannot be sent, 0020 expired, 0021 wrong, 0022 a code operation that failed, 1000 and
/// 1001 for WeChat's refusals and failures.
enum TrainAuthReplies {
    static func weChatFailure(_ error: WeChatLoginError) -> CanonicalReply {
        if error.isTransient { return .failure(.providerFailed, "微信调用通讯失败", code: "1001") }
        return .failure(.providerFailed, "调用微信获取openid失败", code: "1000")
    }

    static func bindingRefused(_ refusal: BindingRefusal) -> CanonicalReply {
        switch refusal {
        case .codeWrong: .failure(.codeWrong)
        case .codeExpired: .failure(.codeExpired)
        case .sessionGone: .failure(.tokenInvalid)
        case .openIDMissing: .failure(.openIdMissing)
        case .sceneInvalid, .boundElsewhere: .failure(.invalidState, "验证码操作失败，请重试", code: "0022")
        }
    }
}
