import ServiceKit

/// Seeds the demo merchants in the background of a development start, without holding up the
/// service: the content service may still be starting (the services start in any order), so while it
/// cannot be reached the seeding is tried again every `retryDelay`, for up to `patience`. It logs
/// `demo merchants seeded` once it seeded, and a warning when it gives up or meets another problem
/// (the next start tries again, since nothing was recorded).
struct DemoMerchantsSeeder: Sendable {
    /// How a run ended.
    enum Outcome: Sendable, Equatable {
        case seeded, seededBefore, gaveUp, failed
    }

    let seeding: DemoMerchants
    let settings: MerchantsSettings
    let logger: Logger
    var retryDelay: Duration = .seconds(2)
    var patience: Duration = .seconds(120)

    /// Starts `run` in a task of its own.
    @discardableResult
    func start() -> Task<Outcome, Never> {
        Task { await run() }
    }

    func run() async -> Outcome {
        let deadline = ContinuousClock.now + patience
        var attempts = 0
        while true {
            attempts += 1
            do {
                guard try await seeding.seedIfNeeded(today: settings.today()) else { return .seededBefore }
                logger.info("demo merchants seeded", [("attempts", .int(attempts))])
                return .seeded
            } catch let error as DemoMerchantsError where error.isRetryable {
                guard ContinuousClock.now + retryDelay <= deadline, !Task.isCancelled else {
                    logger.warning(
                        "demo merchants not seeded: the content service did not answer",
                        [("attempts", .int(attempts)), ("error", .string(error.description))])
                    return .gaveUp
                }
                logger.debug("content not reachable yet, seeding the demo merchants later")
                try? await Task.sleep(for: retryDelay)
            } catch {
                logger.warning("demo merchants not seeded", [("error", .string("\(error)"))])
                return .failed
            }
        }
    }
}
