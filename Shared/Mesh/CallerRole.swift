/// What a session may do beyond being an account: the role the gateway resolved for it.
public enum CallerRole: String, Sendable, Hashable, CaseIterable {
    /// A train customer (the default role of a train session).
    case customer
    /// A train merchant who grabs and books ticket orders (`userRole=business`).
    case business
    /// An O2O WeChat user whose mobile is not bound yet: known, but not an account for the operations
    /// that need one.
    case guest
    /// A signed-in operator of the admin surface.
    case admin
}
