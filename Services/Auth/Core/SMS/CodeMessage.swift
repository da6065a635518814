/// The text of the message that carries a one-time code.
enum CodeMessage {
    static func text(code: String, purpose: CodePurpose, lifetimeSeconds: Int) -> String {
        let lifetime = lifetimeSeconds % 60 == 0 ? "\(lifetimeSeconds / 60) 分钟" : "\(lifetimeSeconds) 秒"
        return "您的\(purpose.label)验证码是 \(code)，\(lifetime)内有效，请勿告诉他人。"
    }
}
