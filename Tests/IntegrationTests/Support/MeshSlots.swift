import Foundation

/// Bounds how many meshes run at once in the test process (`TEST_MESH_PARALLEL`, default 3): every
/// mesh starts several real processes, and too many at once on a small machine turn deadlines that
/// are generous for one mesh into failures.
actor MeshSlots {
    static let shared = MeshSlots(
        count: ProcessInfo.processInfo.environment["TEST_MESH_PARALLEL"].flatMap { Int($0) }.map { max(1, $0) } ?? 3)

    private var free: Int
    private var waiting: [CheckedContinuation<Void, Never>] = []

    init(count: Int) { free = count }

    func acquire() async {
        if free > 0 {
            free -= 1
            return
        }
        await withCheckedContinuation { waiting.append($0) }
    }

    func release() {
        if waiting.isEmpty {
            free += 1
        } else {
            waiting.removeFirst().resume()
        }
    }
}
