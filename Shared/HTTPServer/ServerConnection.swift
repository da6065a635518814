import CShims
import EventLoops
import Glibc
import HTTPCore

/// One accepted client connection: reads and parses requests, runs them one at a time in
/// arrival order (pipelined ones wait their turn), writes the answers and enforces the timeouts.
// Safe to share: every `var` is read and written only on `loop`'s thread. The request task reads
// only the immutable `loop` and `context`, and touches the connection only inside the job it gives
// to `loop.execute`; `generation` rejects answers that arrive after the connection closed.
final class ServerConnection: EventLoopHandler, @unchecked Sendable {
    let fd: Int32
    let loop: EventLoop
    let context: ServerContext
    private unowned let listener: ServerListener
    private let peer: String?
    /// The client's address without the port, as the listener counted it.
    let address: String
    private var id: UInt64 = 0
    private var input = ByteBuffer(capacity: 0)
    private var parser: HTTPRequestParser
    private var waiting: [HTTPRequest] = []
    private var inFlight = false
    private var output: [UInt8] = []
    private var outputOffset = 0
    private var closeAfterWrite = false
    private var readingPaused = false
    private var wantsWrite = false
    private var closed = false
    private var draining = false
    private var served = 0
    private var generation: UInt64 = 0
    /// The head of the request being read, until its body is complete.
    private var currentHead: RequestHead?
    /// After refusing a request whose body may still be arriving: the answer is out, our side is
    /// shut, and what the client still sends is read and dropped until it stops or time runs out,
    /// so closing does not reset the connection before the client has read the answer.
    private var lingering = false
    private var lingerDeadline: UInt64?
    private var lingerDiscarded = 0
    private var lingerOnClose = false
    private static let lingerMilliseconds = 2_000
    private static let lingerMaxBytes = 16 * 1024 * 1024
    private var headDeadline: UInt64?
    private var bodyDeadline: UInt64?
    private var idleDeadline: UInt64?
    private var writeDeadline: UInt64?

    init(fd: Int32, peer: SocketAddress?, address: String, listener: ServerListener) {
        self.fd = fd
        self.loop = listener.loop
        self.context = listener.context
        self.listener = listener
        self.peer = peer?.description
        self.address = address
        self.parser = HTTPRequestParser(limits: context.configuration.limits)
    }

    func open() throws {
        id = try loop.register(fd: fd, events: cshims_EPOLLIN | cshims_EPOLLRDHUP, handler: self)
        idleDeadline = MonotonicClock.deadline(afterMilliseconds: context.configuration.headerTimeoutMilliseconds)
    }

    // MARK: events

    func handleEvents(_ events: UInt32) {
        if events & cshims_EPOLLOUT != 0 { flush() }
        if closed { return }
        if readingPaused && events & (cshims_EPOLLHUP | cshims_EPOLLERR) != 0 { return close() }
        if events & (cshims_EPOLLIN | cshims_EPOLLRDHUP | cshims_EPOLLHUP | cshims_EPOLLERR) != 0 { readAvailable() }
    }

    func tick(now: UInt64) {
        if let deadline = lingerDeadline, now >= deadline { return close() }
        if let deadline = writeDeadline, now >= deadline { return close() }
        if let deadline = headDeadline, now >= deadline { return timeOut() }
        if let deadline = bodyDeadline, now >= deadline { return timeOut() }
        if let deadline = idleDeadline, now >= deadline { return close() }
    }

    /// Stops taking new requests: an idle connection closes now, a busy one after its answer.
    func beginDrain() {
        draining = true
        if !inFlight && waiting.isEmpty && output.isEmpty { close() }
    }

    // MARK: reading

    private func readAvailable() {
        if lingering { return discardLingering() }
        while !closed && !readingPaused {
            switch Socket.read(fd, into: loop.scratch) {
            case .processed(let count):
                input.append(UnsafeRawBufferPointer(rebasing: loop.scratch[..<count]))
                if count < loop.scratch.count {
                    parseInput()
                    return
                }
                parseInput()
            case .wouldBlock:
                parseInput()
                return
            case .endOfStream:
                parseInput()
                // The client half-closed: answer what it already sent, then close.
                if inFlight || !waiting.isEmpty || !output.isEmpty {
                    closeAfterWrite = true
                    pauseReading()
                } else {
                    close()
                }
                return
            case .failed:
                close()
                return
            }
        }
    }

    private func parseInput() {
        if closeAfterWrite { return }
        while !closed && !closeAfterWrite {
            if waiting.count >= context.configuration.maxPipelinedRequests {
                pauseReading()
                break
            }
            switch parser.next(&input) {
            case .needMoreData:
                if !input.isEmpty && headDeadline == nil && bodyDeadline == nil {
                    headDeadline = MonotonicClock.deadline(
                        afterMilliseconds: context.configuration.headerTimeoutMilliseconds)
                    idleDeadline = nil
                }
                dispatchNext()
                return
            case .head(let head):
                headArrived(head)
            case .request(var request):
                currentHead = nil
                request.remoteAddress = peer
                bodyDeadline = nil
                headDeadline = nil
                waiting.append(request)
            case .failed(let error):
                fail(with: error.status)
                return
            }
        }
        dispatchNext()
    }

    private func headArrived(_ head: RequestHead) {
        let configuration = context.configuration
        let limit = min(
            context.responder.bodyLimit(for: head) ?? configuration.limits.maxBodyBytes,
            configuration.maxBodyCeiling)
        parser.setBodyLimit(limit)
        headDeadline = nil
        idleDeadline = nil
        currentHead = head
        if head.isChunked || (head.contentLength ?? 0) > 0 {
            bodyDeadline = MonotonicClock.deadline(afterMilliseconds: configuration.bodyTimeoutMilliseconds)
        }
        let withinLimit = head.isChunked || (head.contentLength ?? 0) <= limit
        if head.expectsContinue && withinLimit && !inFlight && waiting.isEmpty && output.isEmpty {
            output.append(contentsOf: "HTTP/1.1 100 Continue\r\n\r\n".utf8)
            flush()
        }
    }

    private func pauseReading() {
        guard !readingPaused && !closed else { return }
        readingPaused = true
        updateInterest()
    }

    private func resumeReading() {
        guard readingPaused && !closed && !closeAfterWrite else { return }
        readingPaused = false
        updateInterest()
        parseInput()
        if !closed && !readingPaused { readAvailable() }
    }

    // MARK: answering

    private func dispatchNext() {
        guard !inFlight, !closed, !waiting.isEmpty, outputOffset == output.count || output.count < 256 * 1024 else {
            return
        }
        let request = waiting.removeFirst()
        inFlight = true
        idleDeadline = nil
        served += 1
        let keepAlive = request.keepAlive && !draining && served < context.configuration.maxRequestsPerConnection
        let isHEAD = request.method == .head
        let expected = generation
        let responder = context.responder
        let loop = self.loop
        Task(executorPreference: loop) {
            let response = await responder.respond(to: request)
            loop.execute { self.complete(response, generation: expected, keepAlive: keepAlive, isHEAD: isHEAD) }
        }
        if readingPaused && waiting.count < context.configuration.maxPipelinedRequests { resumeReading() }
    }

    private func complete(_ response: HTTPResponse, generation expected: UInt64, keepAlive: Bool, isHEAD: Bool) {
        guard expected == generation, !closed else { return }
        inFlight = false
        let keep = keepAlive && !draining
        response.serialize(into: &output, date: loop.httpDate, keepAlive: keep, bodyAllowed: !isHEAD)
        if !keep {
            closeAfterWrite = true
            waiting.removeAll()
        }
        flush()
        if closed { return }
        dispatchNext()
        if !closeAfterWrite && !inFlight {
            if readingPaused { resumeReading() } else { parseInput() }
        }
        settleIdle()
    }

    /// Answers a broken request and closes once the answer is out.
    private func fail(with status: HTTPStatus) {
        waiting.removeAll()
        closeAfterWrite = true
        lingerOnClose = true
        pauseReading()
        bodyDeadline = nil
        headDeadline = nil
        if inFlight { return }
        if let head = currentHead, let answer = context.responder.refusal(status, for: head) {
            answer.serialize(into: &output, date: loop.httpDate, keepAlive: false, bodyAllowed: head.method != .head)
            flush()
        } else {
            writeError(status)
        }
    }

    private func timeOut() {
        headDeadline = nil
        bodyDeadline = nil
        if inFlight || !output.isEmpty {
            close()
        } else {
            closeAfterWrite = true
            writeError(.requestTimeout)
        }
    }

    private func writeError(_ status: HTTPStatus) {
        let response = HTTPResponse.text("\(status.reason)\n", status: status)
        response.serialize(into: &output, date: loop.httpDate, keepAlive: false)
        flush()
    }

    private func settleIdle() {
        if !inFlight && waiting.isEmpty && output.isEmpty && input.isEmpty && !closed {
            if draining { return close() }
            idleDeadline = MonotonicClock.deadline(afterMilliseconds: context.configuration.idleTimeoutMilliseconds)
        }
    }

    // MARK: writing

    private func flush() {
        while outputOffset < output.count {
            let result = output.withUnsafeBytes { all in
                Socket.write(fd, UnsafeRawBufferPointer(rebasing: all[outputOffset...]))
            }
            switch result {
            case .processed(let count):
                outputOffset += count
            case .wouldBlock:
                if !wantsWrite {
                    wantsWrite = true
                    updateInterest()
                }
                if writeDeadline == nil {
                    writeDeadline = MonotonicClock.deadline(
                        afterMilliseconds: context.configuration.writeTimeoutMilliseconds)
                }
                return
            case .failed, .endOfStream:
                close()
                return
            }
        }
        output.removeAll(keepingCapacity: output.capacity <= 64 * 1024)
        outputOffset = 0
        writeDeadline = nil
        if wantsWrite {
            wantsWrite = false
            updateInterest()
        }
        if closeAfterWrite && !inFlight && waiting.isEmpty {
            lingerOnClose ? startLingering() : close()
        }
    }

    private func startLingering() {
        guard !lingering, !closed else { return }
        lingering = true
        _ = shutdown(fd, Int32(SHUT_WR))
        lingerDeadline = MonotonicClock.deadline(afterMilliseconds: ServerConnection.lingerMilliseconds)
        headDeadline = nil
        bodyDeadline = nil
        idleDeadline = nil
        input.removeAll()
        readingPaused = false
        wantsWrite = false
        updateInterest()
    }

    private func discardLingering() {
        while !closed {
            switch Socket.read(fd, into: loop.scratch) {
            case .processed(let count):
                lingerDiscarded += count
                if lingerDiscarded > ServerConnection.lingerMaxBytes { return close() }
            case .wouldBlock:
                return
            case .endOfStream, .failed:
                return close()
            }
        }
    }

    private func updateInterest() {
        var events: UInt32 = 0
        if !readingPaused { events |= cshims_EPOLLIN | cshims_EPOLLRDHUP }
        if wantsWrite { events |= cshims_EPOLLOUT }
        loop.modify(fd: fd, id: id, events: events)
    }

    func close() {
        guard !closed else { return }
        closed = true
        generation &+= 1
        loop.deregister(fd: fd, id: id)
        Socket.close(fd)
        input.removeAll()
        output = []
        waiting = []
        listener.connectionClosed(self)
    }
}
