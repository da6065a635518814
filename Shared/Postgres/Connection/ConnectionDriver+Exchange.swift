import CLibPQ
import CShims

/// The commands of a request: each is handed to libpq with its asynchronous calls (`PQsendQuery`, `PQsendPrepare`,
/// `PQsendQueryPrepared`), one command in flight at a time as libpq requires outside pipeline mode; the output is
/// flushed with `PQflush` (waiting for the socket to be writable when it asks to), and the results are read with
/// `PQconsumeInput`, `PQisBusy` and `PQgetResult` whenever the socket is readable.
extension ConnectionDriver {
    /// Sends the next command of the active request, or completes the request when none is left.
    func sendNextStep() {
        guard !remainingSteps.isEmpty else { return finish(.success(rows)) }
        guard let handle else {
            let error = PostgresError(.connectionLost("the connection broke"), connectionIsBroken: true)
            return finish(.failure(error))
        }
        let step = remainingSteps.removeFirst()
        guard Self.send(step, on: handle) == 1 else { return finish(step, .failure(sendFailure(handle))) }
        inFlight = step
        outcome = StepOutcome()
        flush()
    }

    /// Hands `step`'s command to libpq (`PQsend…`); 1 when libpq took it.
    static func send(_ step: ExchangeStep, on handle: OpaquePointer) -> Int32 {
        switch step {
        case .setup:
            return PQsendQuery(handle, setupSQL)
        case let .prepare(name, key):
            let types = key.types.map(\.rawValue)
            return types.withUnsafeBufferPointer { buffer in
                PQsendPrepare(handle, name, key.sql, Int32(buffer.count), buffer.baseAddress)
            }
        case let .deallocate(name):
            return PQsendQuery(handle, "DEALLOCATE \(name)")
        case let .execute(name, parameters):
            return withCStringArray(parameters) { values in
                values.withUnsafeBufferPointer { buffer in
                    PQsendQueryPrepared(handle, name, Int32(buffer.count), buffer.baseAddress, nil, nil, 0)
                }
            }
        case let .simple(sql):
            return PQsendQuery(handle, sql)
        }
    }

    /// Writes libpq's buffered output; waits for the socket to become writable while some of it is left.
    func flush() {
        guard let handle else { return }
        applyFlush(PQflush(handle))
    }

    /// Acts on what `PQflush` returned.
    func applyFlush(_ flushed: Int32) {
        guard let handle, let step = inFlight else { return }
        switch flushed {
        case 0:
            isFlushing = false
            setInterest(cshims_EPOLLIN)
        case 1:
            isFlushing = true
            setInterest(cshims_EPOLLIN | cshims_EPOLLOUT)
        default:
            let reason = Self.errorMessage(of: handle)
            markBroken(reason)
            let error = PostgresError(.connectionLost(reason), connectionIsBroken: true, statementWasNotSent: true)
            finish(step, .failure(error))
        }
    }

    /// Reads what arrived and takes every complete result; the command is done when libpq has no more.
    func readResults() {
        guard let handle, let step = inFlight else { return }
        if PQconsumeInput(handle) == 0 && PQstatus(handle) == CONNECTION_OK {
            let reason = Self.errorMessage(of: handle)
            markBroken(reason)
            return finish(step, .failure(PostgresError(.connectionLost(reason), connectionIsBroken: true)))
        }
        if isFlushing && PQstatus(handle) == CONNECTION_OK {
            flush()
            guard inFlight != nil else { return }
        }
        // PQisBusy is false once the connection is lost, so PQgetResult then reports the failure without waiting.
        while PQisBusy(handle) == 0 {
            guard let result = PQgetResult(handle) else { return finishStep(handle) }
            let status = PQresultStatus(result)
            switch status {
            case PGRES_TUPLES_OK, PGRES_COMMAND_OK, PGRES_EMPTY_QUERY:
                if outcome.failure == nil && step.returnsRows { outcome.rows = ResultReader.rows(of: result) }
            case PGRES_COPY_IN, PGRES_COPY_OUT, PGRES_COPY_BOTH:
                PQclear(result)
                let reason = "COPY is not supported; the connection was closed"
                markBroken(reason)
                return finish(step, .failure(PostgresError(.unexpectedResult(reason), connectionIsBroken: true)))
            default:
                if outcome.failure == nil { outcome.failure = ResultReader.failure(of: result) }
            }
            PQclear(result)
        }
    }

    /// Every result of the command in flight was read: record it and go on with the next command.
    private func finishStep(_ handle: OpaquePointer) {
        guard let step = inFlight else { return }
        inFlight = nil
        let finished = outcome
        let failure = finished.failure
        outcome = StepOutcome()
        switch step {
        case .setup:
            if let failure {
                let broken = checkBroken(fatal: failure.isFatal)
                return finish(step, .failure(failure.error(connectionIsBroken: broken)))
            }
            needsSetup = false
            connectDeadline = nil
        case let .prepare(name, key):
            if let failure {
                let broken = checkBroken(fatal: failure.isFatal)
                return finish(step, .failure(failure.error(connectionIsBroken: broken, statementWasNotSent: broken)))
            }
            if let evicted = statements.insert(key, name: name) {
                remainingSteps.insert(.deallocate(name: evicted), at: 0)
            }
        case .deallocate:
            // A failure (for example inside an aborted transaction) only leaves the statement allocated until the
            // connection closes, since names are never reused; a lost connection shows when the next command is sent.
            break
        case .execute, .simple:
            let broken = checkBroken(fatal: failure?.isFatal ?? false)
            if let failure { return finish(step, .failure(failure.error(connectionIsBroken: broken))) }
            rows = finished.rows
        }
        sendNextStep()
    }

    /// Ends the active request because `step` failed; a failed session setup means the connection never opened.
    func finish(_ step: ExchangeStep, _ result: Result<PostgresRows, PostgresError>) {
        inFlight = nil
        remainingSteps.removeAll(keepingCapacity: true)
        isFlushing = false
        guard case .setup = step, case let .failure(error) = result else { return finish(result) }
        if handle != nil { markBroken(error.description) }
        connectDeadline = nil
        let reason = "the session setup failed: \(error)"
        finish(.failure(PostgresError(.connectionFailed(reason), connectionIsBroken: true, statementWasNotSent: true)))
    }

    /// Completes the active request and starts the next one.
    func finish(_ result: Result<PostgresRows, PostgresError>) {
        guard let pending = active else { return }
        active = nil
        rows = .empty
        deliver(pending.completion, result)
        startNext()
    }

    /// The error for a command libpq refused to send; nothing reached the server.
    func sendFailure(_ handle: OpaquePointer) -> PostgresError {
        let reason = Self.errorMessage(of: handle)
        if checkBroken(fatal: false) {
            return PostgresError(.connectionLost(reason), connectionIsBroken: true, statementWasNotSent: true)
        }
        return PostgresError(.unexpectedResult(reason), statementWasNotSent: true)
    }

}
