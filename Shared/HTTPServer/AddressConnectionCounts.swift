import Synchronization

/// Open connections per client address, shared by all of a server's event loops, so one address cannot
/// hold more than its share of the server's connections.
final class AddressConnectionCounts: Sendable {
    /// At most this many connections per address; 0 is no limit.
    let limit: Int
    private let counts = Mutex<[String: Int]>([:])

    init(limit: Int) {
        self.limit = limit
    }

    /// Counts a new connection from `address`; false (and nothing counted) when the address is at its limit.
    func open(_ address: String) -> Bool {
        counts.withLock { counts in
            let open = counts[address, default: 0]
            guard limit == 0 || open < limit else { return false }
            counts[address] = open + 1
            return true
        }
    }

    /// Forgets a connection counted by `open`.
    func close(_ address: String) {
        counts.withLock { counts in
            let open = counts[address, default: 0] - 1
            counts[address] = open > 0 ? open : nil
        }
    }
}
