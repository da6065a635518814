import CLibPQ

/// Receives the server's notices for one connection instead of letting libpq print them to stderr.
///
/// libpq hands an error that arrives while the connection is idle (the server explaining why it is about to
/// close the session) to the notice receiver, so a FATAL notice marks the session as ending.
final class NoticeObserver {
    private(set) var sawFatalNotice = false

    /// Routes `handle`'s notices here; the observer must outlive the handle (the session finishes it first).
    func install(on handle: OpaquePointer) {
        let context = Unmanaged.passUnretained(self).toOpaque()
        _ = PQsetNoticeReceiver(
            handle,
            { context, result in
                guard let context, let result else { return }
                let observer = Unmanaged<NoticeObserver>.fromOpaque(context).takeUnretainedValue()
                if ResultReader.isFatal(result) { observer.sawFatalNotice = true }
            }, context)
    }
}
