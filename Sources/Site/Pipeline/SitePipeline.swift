import Diagnostics
import Storage
import Verification

/// The stages every build runs once the vault is loaded and linked: note pages, then the
/// pages about many notes, then the tally. `qed build` runs it into a staging folder,
/// `qed serve` into memory; neither touches anything but the sink and the fills store.
struct SitePipeline: Sendable {
    let options: BuildOptions
    let plan: SitePlan

    /// What a run made and found.
    struct Run: Sendable {
        /// What the next build needs to reuse this one's work (its `inputs` left empty).
        var manifest: BuildManifest
        var verifiedNotes: [String]
        var rendered: [String]
        var stats: BuildStats
        var diagnostics: [Diagnostic]
        var succeeded: Bool
        /// How long the note pages and the index pages took.
        var timings = BuildTimings()
    }

    func run(previous: BuildManifest?, fills: any FillsStore, sink: any SiteSink) throws(BuildError) -> Run {
        var timings = BuildTimings()
        let outcomes = try timings.measure(.notePages) { () throws(BuildError) in
            try NotePagesStage(plan: plan, previous: previous?.notes ?? [:], fills: fills, sink: sink,
                               jobs: options.jobs, progress: options.progress).run()
        }
        let summaries = outcomes.map(\.summary)
        var manifest = BuildManifest()
        manifest.vaultDiagnostics = plan.vault.diagnostics
        var rendered: [String] = []
        var summariesHasher = ContentHasher()
        summariesHasher.add(SiteBuilder.rendererVersion)
        for outcome in outcomes {
            manifest.notes[outcome.summary.path] = CachedNote(verificationKey: outcome.verificationKey, summary: outcome.summary)
            manifest.pages[outcome.summary.page] = outcome.pageKey
            if outcome.rendered { rendered.append(outcome.summary.page) }
            summariesHasher.add(outcome.summary.path)
            summariesHasher.add(outcome.verificationKey)
        }
        let index = try timings.measure(.indexPages) { () throws(BuildError) in
            try IndexPagesStage(plan: plan, summaries: summaries, summariesKey: summariesHasher.hex, sink: sink,
                                jobs: options.jobs).run()
        }
        manifest.pages.merge(index.keys) { _, new in new }
        rendered += index.rendered

        var stats = BuildStats()
        stats.notes = outcomes.count
        stats.notesVerified = outcomes.count { $0.verified }
        stats.pagesWritten = rendered.count
        stats.pagesReused = manifest.pages.keys.count { $0.hasSuffix(".html") } - rendered.count
        let diagnostics = Self.tally(summaries, vaultDiagnostics: plan.vault.diagnostics, strict: options.strict, into: &stats)
        manifest.outcome = Outcome(stats: stats, diagnostics: diagnostics)
        return Run(manifest: manifest, verifiedNotes: outcomes.filter(\.verified).map(\.summary.path),
                   rendered: rendered.sorted(), stats: stats, diagnostics: diagnostics,
                   succeeded: stats.errors == 0 && stats.failedClaims == 0, timings: timings)
    }

    /// Every diagnostic of a build in report order (vault-level first, then by note), with
    /// the claim, error and warning counts added to `stats`.
    static func tally(_ summaries: [NoteSummary], vaultDiagnostics: [Diagnostic], strict: Bool,
                      into stats: inout BuildStats) -> [Diagnostic] {
        var diagnostics = (strict ? vaultDiagnostics.map { $0.promotingWarnings() } : vaultDiagnostics).sortedForReport()
        for summary in summaries { diagnostics += summary.diagnostics }
        stats.claims = summaries.reduce(0) { $0 + $1.claims }
        stats.failedClaims = summaries.reduce(0) { $0 + $1.failedClaims }
        stats.notRunClaims = summaries.reduce(0) { $0 + $1.notRunClaims }
        stats.verifiedFormulas = summaries.reduce(0) { $0 + $1.verifiedFormulas }
        stats.failedFormulas = summaries.reduce(0) { $0 + $1.failedFormulas }
        stats.errors = diagnostics.count { $0.severity == .error }
        stats.warnings = diagnostics.count { $0.severity == .warning }
        return diagnostics
    }
}
