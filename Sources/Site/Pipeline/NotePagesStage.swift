import Containment
import Foundation
import Synchronization
import Verification

/// The note pages: each is taken over from the previous build, rendered again from the
/// previous build's fills (its neighbours changed, not its cells), or verified and rendered.
/// Only each note's summary is kept; pages go to the sink as they are made.
struct NotePagesStage: Sendable {
    let plan: SitePlan
    /// The previous build's notes by path.
    let previous: [String: CachedNote]
    let fills: any FillsStore
    let sink: any SiteSink
    let jobs: Int
    let progress: (@Sendable (_ done: Int, _ total: Int) -> Void)?

    func run() throws(BuildError) -> [NoteOutcome] {
        let notes = plan.vault.notes
        let cached = notes.indices.map { i -> NoteSummary? in
            guard let entry = previous[notes[i].path], entry.verificationKey == plan.keys[i].verification else { return nil }
            return entry.summary
        }
        // Building a verifier resolves every link again: only when some note needs one.
        let renderer = NotePageRenderer(
            theme: plan.theme, pages: plan.pages, graph: plan.graph, vault: plan.vault, options: plan.verificationOptions,
            verifier: cached.contains { $0 == nil }
                ? Verifier(vault: plan.vault, options: plan.verificationOptions, resolver: plan.graph.resolver) : nil)
        let finished = Atomic<Int>(0)
        let outcomes = Array(notes.indices).concurrentMap(jobs: max(1, jobs)) { i -> NoteOutcome in
            defer { progress?(finished.wrappingAdd(1, ordering: .relaxed).newValue, notes.count) }
            return Containment.working(on: notes[i].path) {
                process(i, cached: cached[i], renderer: renderer)
            }
        }
        if let failure = outcomes.lazy.compactMap({ $0.error }).first { throw failure }
        return outcomes
    }

    private func process(_ i: Int, cached: NoteSummary?, renderer: NotePageRenderer) -> NoteOutcome {
        let keys = plan.keys[i]
        let page = plan.graph.pages[i]
        func outcome(_ summary: NoteSummary, verified: Bool = false, rendered: Bool = false) -> NoteOutcome {
            NoteOutcome(summary: summary, verificationKey: keys.verification, pageKey: keys.page, verified: verified,
                        rendered: rendered)
        }
        do throws(BuildError) {
            if let summary = cached {
                if sink.reuse(page, key: keys.page) {
                    fills.keepPrevious(keys.verification)
                    return outcome(summary)
                }
                if let previous = fills.previous(keys.verification) {
                    fills.keepPrevious(keys.verification)
                    try sink.write(page, renderer.render(i, fills: previous, summary: summary))
                    return outcome(summary, rendered: true)
                }
            }
            let (verified, fresh, summary) = try renderer.verify(i)
            fills.keep(keys.verification, fresh)
            try sink.write(page, renderer.render(i, note: verified.note, fills: fresh, summary: summary))
            return outcome(summary, verified: true, rendered: true)
        } catch {
            var failed = outcome(cached ?? renderer.placeholderSummary(i))
            failed.error = error
            return failed
        }
    }
}

/// What processing one note gave.
struct NoteOutcome: Sendable {
    var summary: NoteSummary
    var verificationKey: String
    var pageKey: String
    /// Whether the note was verified (and its page rendered) in this build.
    var verified = false
    /// Whether its page was rendered (from fresh or cached fills) rather than taken over.
    var rendered = false
    var error: BuildError? = nil
}
