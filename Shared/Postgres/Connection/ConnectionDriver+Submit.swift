import CLibPQ

/// Taking requests. A request for an open connection with nothing running is started on the calling thread, which
/// also sends its first command without holding the lock (see `submit`); any other request is queued on the loop
/// and runs when the connection is open and the requests before it are done.
extension ConnectionDriver {
    /// Runs a request: sent at once from the calling thread when the connection is open and free, otherwise
    /// queued on the loop. The completion is called exactly once, on the loop or on the calling thread.
    func submit(_ pending: Pending) {
        var claim: SendClaim?
        var isStarted = false
        locked { (isStarted, claim) = startAtOnce(pending) }
        guard isStarted else { return loop.execute { self.locked { self.enqueue(pending) } } }
        guard let claim else { return }
        // The lock is not held while libpq sends: the response may arrive meanwhile, and the loop must not wait.
        let sent = Self.send(claim.step, on: claim.handle)
        let flushed = sent == 1 ? PQflush(claim.handle) : 0
        locked { finishSendingElsewhere(claim, sent: sent, flushed: flushed) }
    }

    /// Starts `pending` on the calling thread if the connection is open, set up, and free, and nothing unread
    /// waits on an idle connection (the loop looks at that first). Returns whether it started, and the first
    /// command for the calling thread to send when there is one.
    private func startAtOnce(_ pending: Pending) -> (Bool, SendClaim?) {
        guard case .open = phase, active == nil, queue.isEmpty, !needsSetup, let handle else { return (false, nil) }
        if pending.verifyingIdle && hasUnreadInput() { return (false, nil) }
        prepareSteps(for: pending)
        guard !remainingSteps.isEmpty else {
            finish(.success(rows))
            return (true, nil)
        }
        let step = remainingSteps.removeFirst()
        inFlight = step
        outcome = StepOutcome()
        isSendingElsewhere = true
        return (true, SendClaim(handle: handle, step: step))
    }

    /// Takes the connection back after the calling thread sent `claim`'s command, and reads the results if they
    /// arrived meanwhile.
    private func finishSendingElsewhere(_ claim: SendClaim, sent: Int32, flushed: Int32) {
        isSendingElsewhere = false
        guard sent == 1 else {
            inFlight = nil
            return finish(claim.step, .failure(sendFailure(claim.handle)))
        }
        applyFlush(flushed)
        if inputArrivedWhileSending {
            inputArrivedWhileSending = false
            if inFlight != nil { readResults() }
        }
    }

    /// Queues a request on the loop; it runs once the connection is open and the requests before it are done.
    private func enqueue(_ pending: Pending) {
        switch phase {
        case .closed:
            let error = PostgresError(.connectionClosed, connectionIsBroken: true, statementWasNotSent: true)
            deliver(pending.completion, .failure(error))
        case let .broken(reason):
            let error = PostgresError(.connectionLost(reason), connectionIsBroken: true, statementWasNotSent: true)
            deliver(pending.completion, .failure(error))
        case .unopened:
            queue.append(pending)
            startConnecting()
        case .starting, .connecting:
            queue.append(pending)
        case .open:
            queue.append(pending)
            startNext()
        }
    }

    /// Starts the oldest queued request when the connection is open and free (completing a request starts the
    /// next one).
    func startNext() {
        guard active == nil, !queue.isEmpty else { return }
        switch phase {
        case .open:
            break
        case let .broken(reason):
            let error = PostgresError(.connectionLost(reason), connectionIsBroken: true, statementWasNotSent: true)
            return failQueued(error)
        case .closed:
            return failQueued(PostgresError(.connectionClosed, connectionIsBroken: true, statementWasNotSent: true))
        case .unopened, .starting, .connecting:
            return
        }
        guard let handle else { return }
        let pending = queue.removeFirst()
        if pending.verifyingIdle && !needsSetup && !isAliveAfterIdling(handle) {
            markBroken(Self.closedWhileIdle)
            let error = PostgresError(
                .connectionLost(Self.closedWhileIdle), connectionIsBroken: true,
                statementWasNotSent: true)
            deliver(pending.completion, .failure(error))
            return startNext()
        }
        begin(pending)
    }

    /// Makes `pending` the active request and sends its first command.
    func begin(_ pending: Pending) {
        prepareSteps(for: pending)
        sendNextStep()
    }

    /// Makes `pending` the active request and lists its commands.
    func prepareSteps(for pending: Pending) {
        active = pending
        rows = .empty
        remainingSteps.removeAll(keepingCapacity: true)
        if needsSetup { remainingSteps.append(.setup) }
        switch pending.request {
        case let .prepared(sql, types, parameters):
            let key = PreparedStatementCache.Key(sql: sql, types: types)
            if let name = statements.name(for: key) {
                remainingSteps.append(.execute(name: name, parameters: parameters))
            } else {
                let name = statements.makeName()
                remainingSteps.append(.prepare(name: name, key: key))
                remainingSteps.append(.execute(name: name, parameters: parameters))
            }
        case let .simple(sql):
            remainingSteps.append(.simple(sql))
        case .check:
            break
        }
    }
}

/// A command the calling thread sends without holding the driver's lock, on the handle it was given.
// Safe to send: while the claim is out, the driver marks itself as sending elsewhere and neither the loop nor any
// other caller touches the handle until the claim comes back under the lock.
struct SendClaim: @unchecked Sendable {
    let handle: OpaquePointer
    let step: ExchangeStep
}
