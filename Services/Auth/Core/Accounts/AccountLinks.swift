import Postgres

/// Why two accounts could not be linked.
enum AccountLinkRefusal: Error, Sendable, Equatable {
    case sameAccount
    /// The would-be primary is itself linked to another primary (links are one level deep).
    case primaryIsMember
    /// The account asking already has members linked to it, so it cannot become a member.
    case memberHasMembers
    /// The account is already linked to a primary.
    case alreadyLinked
}

/// Account linking of the mobile mall (`member/merge`, `member/relatelogin`) in `auth.account_links`:
/// a member account joined to one primary account, one level deep.
struct AccountLinks: Sendable {
    let database: PostgresPool

    /// Links `member` to `primary`. Links touching either account queue on a transaction lock, so
    /// two concurrent merges cannot build a chain.
    func link(member: Int64, primary: Int64) async throws -> AccountLinkRefusal? {
        if member == primary { return .sameAccount }
        return try await database.transaction { transaction in
            _ = try await transaction.query("SELECT pg_advisory_xact_lock(hashtextextended('account_links', 0))")
            let rows = try await transaction.query(
                """
                SELECT EXISTS (SELECT 1 FROM auth.account_links WHERE member_account_id = \(primary)) AS primary_is_member,
                       EXISTS (SELECT 1 FROM auth.account_links WHERE primary_account_id = \(member)) AS member_has_members,
                       EXISTS (SELECT 1 FROM auth.account_links WHERE member_account_id = \(member)) AS already
                """)
            let row = rows[0]
            if try row.decode("already", as: Bool.self) { return .alreadyLinked }
            if try row.decode("primary_is_member", as: Bool.self) { return .primaryIsMember }
            if try row.decode("member_has_members", as: Bool.self) { return .memberHasMembers }
            try await transaction.execute(
                "INSERT INTO auth.account_links (member_account_id, primary_account_id) VALUES (\(member), \(primary))")
            return nil
        }
    }

    /// The account a session of `account` switches to: a member switches to its primary; a primary
    /// to the member linked most recently, or to the member named `preferred` when it is one of them.
    func switchTarget(from account: Int64, preferred: Int64? = nil) async throws -> Int64? {
        let primary = try await database.query(
            "SELECT primary_account_id FROM auth.account_links WHERE member_account_id = \(account)")
        if let row = primary.first { return try row.decode("primary_account_id", as: Int64.self) }
        let members = try await database.query(
            """
            SELECT member_account_id FROM auth.account_links
             WHERE primary_account_id = \(account) ORDER BY created_at DESC, member_account_id DESC
            """)
        let ids = try members.map { try $0.decode("member_account_id", as: Int64.self) }
        if let preferred, ids.contains(preferred) { return preferred }
        return ids.first
    }
}
