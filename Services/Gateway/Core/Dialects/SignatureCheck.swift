import Catalog
import Dialects
import Foundation

/// Verifies a decoded call's signature and timestamp with the configured keys, and refuses an identical
/// app base API request repeated inside the timestamp window unless its operation is a read.
struct SignatureCheck: Sendable {
    let secrets: DialectSecrets
    let now: @Sendable () -> Int
    let replays: SignatureReplayGuard

    init(
        secrets: DialectSecrets, replays: SignatureReplayGuard = SignatureReplayGuard(),
        now: @escaping @Sendable () -> Int = { Int(Date().timeIntervalSince1970) }
    ) {
        self.secrets = secrets
        self.replays = replays
        self.now = now
    }

    /// Nil when the call may go on; otherwise the failure to answer with.
    func verify(_ call: ClientCall) -> DialectFailure? {
        guard call.operation.signed else { return nil }
        switch call.signature {
        case nil:
            guard call.operation.signature == .required else { return nil }
            return DialectFailure(.signatureMissing, "sign is missing", operation: call.operation)
        case .sortedFields(let fields, let sign)?:
            guard let sign, !sign.isEmpty else {
                return DialectFailure(.signatureMissing, "sign is missing", operation: call.operation)
            }
            guard let appCode = call.appID, let key = secrets.trainKeys[appCode] else {
                return DialectFailure(.unknownApp, "unknown appCode", operation: call.operation)
            }
            return TrainSignature.verify(fields, key: key) && !sign.isEmpty
                ? nil : DialectFailure(.signatureInvalid, "signature does not match", operation: call.operation)
        case .timeAndName(let cc, let ck, let apiName)?:
            guard let cc, let ck, !ck.isEmpty else {
                return DialectFailure(.signatureMissing, "cc and ck are required", operation: call.operation)
            }
            if let failure = checkWindow(cc, call) { return failure }
            return C2CSignature.verify(ck: ck, cc: cc, secret: secrets.c2cSecret, apiName: apiName)
                ? nil : DialectFailure(.signatureInvalid, "ck does not match", operation: call.operation)
        case .rawData(let data, let sign)?:
            guard let sign, !sign.isEmpty else {
                return DialectFailure(.signatureMissing, "sign is missing", operation: call.operation)
            }
            guard let appid = call.appID, let secret = secrets.yafSecrets[appid] else {
                return DialectFailure(.unknownApp, "unknown appid", operation: call.operation)
            }
            if let timestamp = call.timestamp, let failure = checkWindow(timestamp, call) { return failure }
            guard YafSignature.verify(sign: sign, data: data, secret: secret) else {
                return DialectFailure(.signatureInvalid, "sign does not match", operation: call.operation)
            }
            return checkReplay(sign: sign, appID: appid, call)
        }
    }

    /// A state-changing request whose exact signed text was accepted before inside the window is a replay.
    private func checkReplay(sign: String, appID: String, _ call: ClientCall) -> DialectFailure? {
        guard !call.operation.repeatable, let timestamp = call.timestamp.flatMap({ Int($0) }) else { return nil }
        let current = now()
        let key = "\(appID):\(sign.uppercased())"
        switch replays.remember(key, expires: timestamp + secrets.timestampWindowSeconds, now: current) {
        case .fresh: return nil
        case .repeated:
            return DialectFailure(.replayed, "this signed request was already received", operation: call.operation)
        case .full:
            return DialectFailure(.rateLimited, "too many signed requests", operation: call.operation)
        }
    }

    private func checkWindow(_ text: String, _ call: ClientCall) -> DialectFailure? {
        guard let seconds = Int(text) else {
            return DialectFailure(.invalidParams, "timestamp must be Unix seconds", operation: call.operation)
        }
        return abs(now() - seconds) <= secrets.timestampWindowSeconds
            ? nil : DialectFailure(.timestampExpired, "timestamp outside the allowed window", operation: call.operation)
    }
}
