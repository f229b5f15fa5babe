import Dispatch
import Synchronization

extension Array where Element: Sendable {
    /// Maps on up to `jobs` threads and returns results in the original order, so work
    /// spread over cores still yields deterministic output.
    public func concurrentMap<T: Sendable>(jobs: Int, _ transform: @Sendable (Element) -> T) -> [T] {
        let jobs = Swift.max(1, Swift.min(jobs, count))
        if jobs == 1 { return map(transform) }
        let next = Atomic<Int>(0)
        let slots = Mutex<[T?]>(Array<T?>(repeating: nil, count: count))
        withoutActuallyEscaping(transform) { transform in
            DispatchQueue.concurrentPerform(iterations: jobs) { _ in
                while true {
                    let index = next.wrappingAdd(1, ordering: .relaxed).oldValue
                    if index >= count { return }
                    let value = transform(self[index])
                    slots.withLock { $0[index] = value }
                }
            }
        }
        return slots.withLock { $0.map { $0! } }
    }
}
