import Dispatch
import Foundation
import Glibc

/// The whole life of a service executable: read configuration (one clear line and exit 1 when
/// it is wrong), migrate, serve, and drain on SIGTERM or SIGINT.
public enum ServiceMain {
    public static func run(
        _ descriptor: ServiceDescriptor, routes: @Sendable (ServiceApplication) async throws -> [Route]
    ) async -> Never {
        let configuration: ServiceConfiguration
        do {
            configuration = try ServiceConfiguration(
                descriptor: descriptor, environment: Environment(prefix: descriptor.name))
        } catch {
            fail("\(descriptor.name): \(error)")
        }
        let application: ServiceApplication
        do {
            application = try ServiceApplication(configuration: configuration)
        } catch {
            fail("\(descriptor.name): cannot start event loops: \(error)")
        }
        let signals = ShutdownSignal()
        do {
            try await application.prepare()
            try await application.start(routes: try await routes(application))
        } catch {
            application.logger.error("start-up failed", [("error", .string("\(error)"))])
            await application.shutdown()
            fail("\(descriptor.name): start-up failed: \(error)")
        }
        let received = await signals.wait()
        application.logger.info("signal received", [("signal", .int(Int(received)))])
        await application.shutdown()
        exit(0)
    }

    private static func fail(_ line: String) -> Never {
        FileHandle.standardError.write(Data((line + "\n").utf8))
        exit(1)
    }
}

/// Waits for the first SIGTERM or SIGINT.
final class ShutdownSignal {
    private let sources: [any DispatchSourceSignal]
    private let stream: AsyncStream<Int32>
    private let continuation: AsyncStream<Int32>.Continuation

    init() {
        (stream, continuation) = AsyncStream.makeStream(of: Int32.self)
        let continuation = self.continuation
        sources = [SIGTERM, SIGINT].map { number in
            let source = DispatchSource.makeSignalSource(signal: number, queue: .global())
            source.setEventHandler { @Sendable in continuation.yield(number) }
            source.resume()
            return source
        }
    }

    func wait() async -> Int32 {
        for await number in stream { return number }
        return SIGTERM
    }
}
