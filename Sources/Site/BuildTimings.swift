/// How long each stage of a build took, in the order they ran (`qed build --timings`): where
/// a build's time goes on a given vault, without a profiler.
public struct BuildTimings: Sendable, Equatable {
    /// A stage of `SiteBuilder.build`.
    public enum Stage: String, Sendable, CaseIterable {
        /// Reading and hashing every input, to tell whether anything changed.
        case inputs = "hash inputs"
        /// Reading the notes: parsed, or their outlines taken from the parse cache.
        case load = "read notes"
        /// Resolving every link (`LinkGraph`) and keying every page (`SitePlan`).
        case link = "link and plan"
        /// Verifying and rendering note pages, or taking them over.
        case notePages = "note pages"
        /// Home, tag and search pages, the search index, sitemap, assets and media.
        case indexPages = "index pages"
        /// The manifest and the fills pack the next build reuses.
        case caches = "write caches"
        /// Swapping the new site in for the old.
        case publish
    }

    /// One stage and how long it took.
    public struct Entry: Sendable, Equatable {
        public let stage: Stage
        public let duration: Duration
    }

    public private(set) var entries: [Entry] = []

    public init() {}

    /// Runs `body` and records its time as `stage`'s.
    mutating func measure<T, E: Error>(_ stage: Stage, _ body: () throws(E) -> T) throws(E) -> T {
        let clock = ContinuousClock()
        let start = clock.now
        defer { entries.append(Entry(stage: stage, duration: clock.now - start)) }
        return try body()
    }

    mutating func append(_ other: BuildTimings) {
        entries += other.entries
    }

    /// `read notes 0.84 s, link and plan 0.12 s, …`, each stage's seconds to the millisecond.
    public var description: String {
        entries.map { entry in
            let (seconds, attoseconds) = entry.duration.components
            let milliseconds = seconds * 1000 + attoseconds / 1_000_000_000_000_000
            return "\(entry.stage.rawValue) \(milliseconds / 1000).\(String(milliseconds % 1000).leftPadded(to: 3)) s"
        }.joined(separator: ", ")
    }
}

private extension String {
    func leftPadded(to width: Int) -> String {
        count >= width ? self : String(repeating: "0", count: width - count) + self
    }
}
