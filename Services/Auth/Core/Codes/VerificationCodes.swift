import Crypto
import Postgres

/// One-time codes in `auth.verification_codes`: issued with the sending limits, checked with a
/// count of wrong tries, consumed once. A code is stored only as the SHA-256 of target, purpose
/// and code.
struct VerificationCodes: Sendable {
    let database: PostgresPool
    let rules: CodeRules

    static func hash(target: String, purpose: CodePurpose, code: String) -> [UInt8] {
        Digest.sha256("\(target)\n\(purpose.rawValue)\n\(code)")
    }

    /// Whether `code` has the shape of a code (six ASCII digits); anything else is never looked up.
    static func isWellFormed(_ code: String) -> Bool {
        code.utf8.count == CodeRules.length
            && code.utf8.allSatisfy { $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }
    }

    /// A new code for `target` and `purpose`, unless a limit refuses it. Senders of one target queue
    /// on a transaction lock, so the interval and the daily count hold for concurrent requests.
    func issue(
        channel: String, target: String, purpose: CodePurpose, clientAddress: String?
    ) async throws -> CodeIssue {
        let code = SecureRandom.digits(CodeRules.length)
        let hash = VerificationCodes.hash(target: target, purpose: purpose, code: code)
        let rules = self.rules
        return try await database.transaction { transaction in
            _ = try await transaction.query("SELECT pg_advisory_xact_lock(hashtextextended(\("code:" + target), 0))")
            let counts = try await transaction.query(
                """
                SELECT (SELECT count(*) FROM auth.verification_codes
                         WHERE target = \(target) AND created_at > now() - interval '1 day') AS target_day,
                       (SELECT count(*) FROM auth.verification_codes
                         WHERE client_address = \(clientAddress)
                           AND created_at > now() - interval '1 day') AS address_day,
                       EXISTS (SELECT 1 FROM auth.verification_codes
                                WHERE target = \(target) AND purpose = \(purpose.rawValue)
                                  AND created_at > now() - make_interval(secs => \(rules.sendIntervalSeconds))
                              ) AS too_soon
                """)
            guard let row = counts.first else { return .targetDailyLimit }
            if try row.decode("target_day", as: Int64.self) >= rules.dailyLimitPerTarget { return .targetDailyLimit }
            if try row.decode("address_day", as: Int64.self) >= rules.dailyLimitPerAddress { return .addressDailyLimit }
            if try row.decode("too_soon", as: Bool.self) { return .tooSoon(intervalSeconds: rules.sendIntervalSeconds) }
            // Codes older than the daily window count for nothing any more: sweep a few on the way.
            try await transaction.execute(
                """
                DELETE FROM auth.verification_codes
                 WHERE id IN (SELECT id FROM auth.verification_codes
                               WHERE created_at < now() - interval '2 days' LIMIT 100)
                """)
            let inserted = try await transaction.query(
                """
                INSERT INTO auth.verification_codes (channel, target, purpose, code_hash, expires_at, client_address)
                VALUES (\(channel), \(target), \(purpose.rawValue), \(hash),
                        now() + make_interval(secs => \(rules.lifetimeSeconds)), \(clientAddress))
                RETURNING id
                """)
            return .issued(code: code, id: try inserted[0].decode("id", as: Int64.self))
        }
    }

    /// Takes back a code that could not be delivered, so it neither works nor counts against the limits.
    func withdraw(id: Int64) async throws {
        try await database.execute("DELETE FROM auth.verification_codes WHERE id = \(id)")
    }

    /// Compares `code` with the newest code of `target` and `purpose` without using it up; a wrong
    /// code counts one try, and the last allowed wrong try kills the code.
    func check(target: String, purpose: CodePurpose, code: String) async throws -> CodeCheck {
        guard VerificationCodes.isWellFormed(code) else { return .wrong }
        let given = VerificationCodes.hash(target: target, purpose: purpose, code: code)
        let maxAttempts = rules.maxAttempts
        return try await database.transaction { transaction in
            let rows = try await transaction.query(
                """
                SELECT id, code_hash, attempts, consumed_at IS NULL AND expires_at > now() AS live
                  FROM auth.verification_codes
                 WHERE target = \(target) AND purpose = \(purpose.rawValue)
                 ORDER BY id DESC LIMIT 1
                   FOR UPDATE
                """)
            guard let row = rows.first, try row.decode("live", as: Bool.self),
                try row.decode("attempts", as: Int.self) < maxAttempts
            else { return .expired }
            let id = try row.decode("id", as: Int64.self)
            if constantTimeEquals(try row.decode("code_hash", as: [UInt8].self), given) { return .valid(id: id) }
            try await transaction.execute(
                "UPDATE auth.verification_codes SET attempts = attempts + 1 WHERE id = \(id)")
            return .wrong
        }
    }

    /// Uses up the code `id` as part of `queryable`'s work; false when it is no longer usable (used
    /// by a concurrent request, expired or dead since it was checked).
    func consume(id: Int64, on queryable: some PostgresQueryable) async throws -> Bool {
        try await queryable.execute(
            """
            UPDATE auth.verification_codes SET consumed_at = now()
             WHERE id = \(id) AND consumed_at IS NULL AND expires_at > now() AND attempts < \(rules.maxAttempts)
            """) == 1
    }
}
