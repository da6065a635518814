import CShims
import Glibc

/// The outcome of a non-blocking read or write.
public enum IOResult: Equatable {
    case processed(Int)
    case wouldBlock
    /// The peer closed its side (reads only).
    case endOfStream
    case failed(Int32)
}

/// Thin wrappers over the socket system calls: `EINTR` retried, `EAGAIN` turned into
/// `.wouldBlock`, `errno` read right after the call.
public enum Socket {
    /// A non-blocking listening socket bound to `address` (SO_REUSEADDR, so a restart does not
    /// wait for old connections in TIME_WAIT; a port another socket listens on still fails).
    public static func listen(on address: SocketAddress, backlog: Int32 = 4096) throws -> Int32 {
        let fd = cshims_tcp_socket(address.family)
        guard fd >= 0 else { throw SocketError("socket") }
        guard cshims_set_reuse(fd, 0) == 0 else {
            let error = SocketError("setsockopt(SO_REUSEADDR)")
            close(fd)
            throw error
        }
        let bound = address.withSockAddr { bind(fd, $0, $1) }
        guard bound == 0 else {
            let error = SocketError("bind(\(address))")
            close(fd)
            throw error
        }
        guard Glibc.listen(fd, backlog) == 0 else {
            let error = SocketError("listen(\(address))")
            close(fd)
            throw error
        }
        return fd
    }

    /// Starts a non-blocking connect; the socket becomes writable when it completes.
    public static func startConnect(to address: SocketAddress) throws -> Int32 {
        let fd = cshims_tcp_socket(address.family)
        guard fd >= 0 else { throw SocketError("socket") }
        let status = address.withSockAddr { connect(fd, $0, $1) }
        if status != 0 && errno != EINPROGRESS {
            let error = SocketError("connect(\(address))")
            close(fd)
            throw error
        }
        _ = cshims_set_nodelay(fd)
        return fd
    }

    public static func read(_ fd: Int32, into buffer: UnsafeMutableRawBufferPointer) -> IOResult {
        while true {
            let n = Glibc.read(fd, buffer.baseAddress, buffer.count)
            if n > 0 { return .processed(n) }
            if n == 0 { return .endOfStream }
            let code = errno
            if code == EINTR { continue }
            if code == EAGAIN || code == EWOULDBLOCK { return .wouldBlock }
            return .failed(code)
        }
    }

    public static func write(_ fd: Int32, _ bytes: UnsafeRawBufferPointer) -> IOResult {
        let n = cshims_send(fd, bytes.baseAddress, bytes.count)
        if n >= 0 { return .processed(n) }
        let code = errno
        if code == EAGAIN || code == EWOULDBLOCK { return .wouldBlock }
        return .failed(code)
    }

    public static func close(_ fd: Int32) { _ = Glibc.close(fd) }
}
