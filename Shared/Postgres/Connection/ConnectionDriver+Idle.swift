import CLibPQ
import Glibc

/// Noticing that the server ended the session while the connection sat idle: at once when the loop sees the socket
/// become readable, and again, without blocking, before a statement is sent on a connection that was idle in the
/// pool (see `PostgresPool.query` for the retry rule this serves).
extension ConnectionDriver {
    static let closedWhileIdle = "the server closed the connection while it was idle in the pool"

    /// Something arrived while no request was running: a notice, or the server ending the session.
    func noticeInputWhileIdle(hangUp: Bool) {
        guard let handle else { return }
        guard hangUp || !isAliveAfterIdling(handle) else { return }
        markBroken(Self.closedWhileIdle)
        reportBreakWhileIdle()
    }

    /// Reads whatever the server sent while the connection was idle, without blocking: end-of-file, a FATAL
    /// message, or a broken socket mean the server has ended the session.
    func isAliveAfterIdling(_ handle: OpaquePointer) -> Bool {
        guard PQconsumeInput(handle) == 1 else { return false }
        _ = PQisBusy(handle)
        while let notification = PQnotifies(handle) { PQfreemem(notification) }
        return !notices.sawFatalNotice && PQstatus(handle) == CONNECTION_OK
    }

    /// Whether the server sent something on the idle connection that nobody read yet (or the check failed).
    func hasUnreadInput() -> Bool {
        var descriptor = pollfd(fd: socket, events: Int16(POLLIN), revents: 0)
        return poll(&descriptor, 1, 0) != 0
    }
}
