import CShims

/// Process-wide settings a server needs before it holds many connections.
public enum ProcessLimits {
    /// Raises the soft open-file limit to the hard limit; returns the limit now in force, or nil
    /// when it could not be read.
    @discardableResult
    public static func raiseOpenFileLimit() -> Int? {
        let limit = cshims_raise_nofile_limit()
        return limit < 0 ? nil : limit
    }
}
