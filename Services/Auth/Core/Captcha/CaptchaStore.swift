import Crypto
import Postgres

/// What a captcha answer given by a client turned out to be.
enum CaptchaCheck: Sendable, Equatable {
    case matches
    case wrong
    /// No such captcha, expired, used up by a send, or dead after too many wrong answers.
    case expired
}

/// How a captcha answer is being used.
enum CaptchaUse: Sendable {
    /// To send a code: a match uses the challenge up, so one answer never sends a second code.
    case send
    /// To confirm a step after the send (the mobile mall's `checkcode` repeats the answer): a match
    /// of a used-up challenge still counts until it expires; nothing is used up.
    case confirm
}

/// Captcha challenges in `auth.captchas`. The client holds only the challenge id (in a cookie);
/// the answer is kept server-side as a hash of id and answer. An answer lets exactly one code be
/// sent; a few wrong answers kill the challenge; every challenge expires.
struct CaptchaStore: Sendable {
    let database: PostgresPool
    var lifetimeSeconds = 300
    /// Wrong answers after which the challenge is dead.
    var maxWrongAnswers = 5

    /// The hash kept for an answer in its normal form (`CaptchaAlphabet.normalised`: trimmed, upper case),
    /// so answers compare without regard to case.
    static func answerHash(id: String, normalisedAnswer: String) -> [UInt8] {
        Digest.sha256("captcha\n\(id)\n\(normalisedAnswer)")
    }

    /// Stores a new challenge for `answer` (from `CaptchaAlphabet.randomAnswer`) and returns its id (32 hex
    /// characters).
    func issue(answer: String) async throws -> String {
        let id = SecureRandom.token(bytes: 16)
        try await database.execute(
            """
            INSERT INTO auth.captchas (id_hash, answer_hash, expires_at)
            VALUES (\(Digest.sha256(id)), \(CaptchaStore.answerHash(id: id, normalisedAnswer: answer)),
                    now() + make_interval(secs => \(lifetimeSeconds)))
            """)
        try await database.execute(
            """
            DELETE FROM auth.captchas WHERE id_hash IN (
                SELECT id_hash FROM auth.captchas WHERE expires_at < now() - interval '1 hour' LIMIT 100)
            """)
        return id
    }

    /// Checks `answer` for challenge `id` for `use`. A wrong answer counts toward the challenge's death.
    func check(id: String, answer: String, for use: CaptchaUse) async throws -> CaptchaCheck {
        guard (1...64).contains(id.utf8.count) else { return .expired }
        // Text that cannot be an answer still counts as a wrong try.
        let given = CaptchaStore.answerHash(id: id, normalisedAnswer: CaptchaAlphabet.normalised(answer) ?? "")
        return try await database.transaction { transaction in
            let rows = try await transaction.query(
                """
                SELECT answer_hash FROM auth.captchas
                 WHERE id_hash = \(Digest.sha256(id)) AND expires_at > now()
                   AND (consumed_at IS NULL OR \(use == .confirm))
                   FOR UPDATE
                """)
            guard let row = rows.first else { return .expired }
            if constantTimeEquals(try row.decode("answer_hash", as: [UInt8].self), given) {
                if use == .send {
                    try await transaction.execute(
                        "UPDATE auth.captchas SET consumed_at = now() WHERE id_hash = \(Digest.sha256(id))")
                }
                return .matches
            }
            try await transaction.execute(
                """
                UPDATE auth.captchas
                   SET expires_at = CASE WHEN wrong_answers + 1 >= \(maxWrongAnswers) THEN now() ELSE expires_at END,
                       wrong_answers = wrong_answers + 1
                 WHERE id_hash = \(Digest.sha256(id))
                """)
            return .wrong
        }
    }
}
