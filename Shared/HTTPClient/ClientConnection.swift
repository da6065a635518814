import CShims
import EventLoops
import Glibc
import HTTPCore

/// One keep-alive connection to an upstream, served by one event loop. It carries one exchange
/// at a time; the pool hands it to one caller at a time.
// Safe to share: every `var` is touched only on `loop`'s thread (callers reach it through
// `loop.execute`), and the pool gives the connection to a single caller at a time.
final class ClientConnection: EventLoopHandler, @unchecked Sendable {
    /// Called once per exchange with its outcome and whether the connection can carry another.
    typealias Completion = @Sendable (Result<HTTPResponse, HTTPClientError>, _ reusable: Bool) -> Void

    private enum State {
        case fresh
        case connecting
        case open
        case closed
    }

    let loop: EventLoop
    let upstream: Upstream
    private let address: SocketAddress
    private let configuration: HTTPClientConfiguration
    private let onClose: @Sendable (ClientConnection) -> Void
    private var fd: Int32 = -1
    private var id: UInt64 = 0
    private var state = State.fresh
    private var input = ByteBuffer(capacity: 0)
    private var parser: HTTPResponseParser
    private var output: [UInt8] = []
    private var outputOffset = 0
    private var wantsWrite = false
    private var completion: Completion?
    private var deadline: UInt64?
    private var connectDeadline: UInt64?
    private var bytesSent = false
    private(set) var idleSince: UInt64 = MonotonicClock.now()

    init(
        loop: EventLoop, upstream: Upstream, address: SocketAddress, configuration: HTTPClientConfiguration,
        onClose: @escaping @Sendable (ClientConnection) -> Void
    ) {
        self.loop = loop
        self.upstream = upstream
        self.address = address
        self.configuration = configuration
        self.onClose = onClose
        self.parser = HTTPResponseParser(maxBodyBytes: configuration.maxResponseBytes)
    }

    /// Sends `bytes` and calls `completion` once with the response or the failure (loop thread).
    func exchange(_ bytes: [UInt8], isHEAD: Bool, deadline: UInt64, completion: @escaping Completion) {
        guard state != .closed else {
            return completion(.failure(error(.connectionReset, "connection already closed", notSent: true)), false)
        }
        self.completion = completion
        self.deadline = deadline
        output = bytes
        outputOffset = 0
        bytesSent = false
        parser.expectResponse(toHEAD: isHEAD)
        if state == .fresh {
            connect()
        } else {
            flush()
        }
    }

    private func connect() {
        do {
            fd = try Socket.startConnect(to: address)
            state = .connecting
            connectDeadline = MonotonicClock.deadline(afterMilliseconds: configuration.connectTimeoutMilliseconds)
            wantsWrite = true
            id = try loop.register(fd: fd, events: cshims_EPOLLIN | cshims_EPOLLOUT | cshims_EPOLLRDHUP, handler: self)
        } catch let failure as SocketError {
            let kind: HTTPClientError.Kind = failure.errno == ECONNREFUSED ? .connectionRefused : .connectionReset
            fail(error(kind, failure.description, notSent: true))
        } catch {
            fail(self.error(.connectionReset, "\(error)", notSent: true))
        }
    }

    func handleEvents(_ events: UInt32) {
        if state == .connecting {
            guard events & (cshims_EPOLLOUT | cshims_EPOLLERR | cshims_EPOLLHUP) != 0 else { return }
            let code = cshims_socket_error(fd)
            if code != 0 {
                let kind: HTTPClientError.Kind =
                    code == ECONNREFUSED || code == EHOSTUNREACH || code == ENETUNREACH
                    ? .connectionRefused
                    : .connectionReset
                return fail(error(kind, String(cString: strerror(code)), notSent: true))
            }
            state = .open
            connectDeadline = nil
        }
        if events & cshims_EPOLLOUT != 0 { flush() }
        if state == .closed { return }
        if events & (cshims_EPOLLIN | cshims_EPOLLRDHUP | cshims_EPOLLHUP | cshims_EPOLLERR) != 0 { readAvailable() }
    }

    func tick(now: UInt64) {
        if let connectDeadline, now >= connectDeadline {
            return fail(
                error(
                    .connectTimeout, "no connection within \(configuration.connectTimeoutMilliseconds) ms",
                    notSent: true))
        }
        if let deadline, now >= deadline {
            return fail(error(.responseTimeout, "no response in time", notSent: !bytesSent))
        }
        if completion == nil && state == .open
            && now &- idleSince >= UInt64(configuration.idleTimeoutMilliseconds) &* 1_000_000
        {
            close()
        }
    }

    private func flush() {
        while outputOffset < output.count {
            let result = output.withUnsafeBytes { all in
                Socket.write(fd, UnsafeRawBufferPointer(rebasing: all[outputOffset...]))
            }
            switch result {
            case .processed(let count):
                outputOffset += count
                bytesSent = true
            case .wouldBlock:
                setWantsWrite(true)
                return
            case .failed(let code):
                return fail(error(.connectionReset, String(cString: strerror(code)), notSent: !bytesSent))
            case .endOfStream:
                return fail(error(.connectionReset, "closed by peer", notSent: !bytesSent))
            }
        }
        output = []
        outputOffset = 0
        setWantsWrite(false)
    }

    private func readAvailable() {
        while state == .open {
            switch Socket.read(fd, into: loop.scratch) {
            case .processed(let count):
                input.append(UnsafeRawBufferPointer(rebasing: loop.scratch[..<count]))
                parseInput()
                if count < loop.scratch.count { return }
            case .wouldBlock:
                return
            case .endOfStream:
                if completion != nil {
                    deliver(parser.endOfStream(&input), atEnd: true)
                }
                return close()
            case .failed(let code):
                return fail(error(.connectionReset, String(cString: strerror(code)), notSent: !bytesSent))
            }
        }
    }

    private func parseInput() {
        guard completion != nil else {
            // Bytes nobody asked for: the stream is out of step, drop the connection.
            return close()
        }
        deliver(parser.next(&input), atEnd: false)
    }

    private func deliver(_ event: ResponseParseEvent, atEnd: Bool) {
        switch event {
        case .needMoreData:
            if atEnd { fail(error(.connectionReset, "closed before the response was complete", notSent: !bytesSent)) }
        case .response(let response, let closeAfter):
            let done = completion
            completion = nil
            deadline = nil
            idleSince = MonotonicClock.now()
            if closeAfter || !input.isEmpty { close() }
            done?(.success(response), state == .open)
        case .failed(let parseError):
            fail(error(.malformedResponse, "\(parseError)", notSent: false))
        }
    }

    private func setWantsWrite(_ wanted: Bool) {
        guard wanted != wantsWrite, state != .closed, fd >= 0 else { return }
        wantsWrite = wanted
        loop.modify(fd: fd, id: id, events: cshims_EPOLLIN | cshims_EPOLLRDHUP | (wanted ? cshims_EPOLLOUT : 0))
    }

    private func error(_ kind: HTTPClientError.Kind, _ detail: String, notSent: Bool) -> HTTPClientError {
        HTTPClientError(kind, upstream: upstream.description, detail: detail, requestNotSent: notSent)
    }

    private func fail(_ failure: HTTPClientError) {
        let done = completion
        completion = nil
        deadline = nil
        close()
        done?(.failure(failure), false)
    }

    func close() {
        guard state != .closed else { return }
        let wasRegistered = fd >= 0 && state != .fresh
        state = .closed
        connectDeadline = nil
        if wasRegistered { loop.deregister(fd: fd, id: id) }
        if fd >= 0 { Socket.close(fd) }
        fd = -1
        onClose(self)
    }
}
