import Diagnostics
import Verification

/// What a build did and found.
public struct BuildResult: Sendable {
    /// Vault paths of the notes verified in this build, in path order (unchanged notes taken
    /// from the cache are not among them; every note's diagnostics are in `diagnostics`).
    /// Only paths: a build keeps no note's verification once its page is written.
    public let verifiedNotes: [String]
    /// Every diagnostic of the vault, cached notes included: vault-level first, then by note path.
    public let diagnostics: [Diagnostic]
    /// Counts for the summary line.
    public let stats: BuildStats
    /// True when no claim failed and nothing is an error (with `strict`, no warning either).
    public let succeeded: Bool
    /// Whether the output folder now holds this build's site. False for a failed build
    /// without `keepGoing`, which leaves the previous site as it was.
    public let wroteSite: Bool
    /// The output folder, absolute.
    public let output: String
    /// Output paths of the HTML pages rendered in this build (the rest were reused), sorted.
    public let renderedPages: [String]
    /// How long each stage took (`qed build --timings`).
    public var timings = BuildTimings()

    /// "12 notes, 84 claims verified, 0 failed, 0 errors, 1 warning; 15 pages written, 3 reused".
    /// "21 formulas verified, " (and how many failed), or nothing when no formula was checked.
    private func formulas(_ plural: (Int, String) -> String) -> String {
        guard stats.verifiedFormulas + stats.failedFormulas > 0 else { return "" }
        return "\(plural(stats.verifiedFormulas, "formula")) verified, "
            + (stats.failedFormulas > 0 ? "\(stats.failedFormulas) failed, " : "")
    }

    public var summary: String {
        func plural(_ n: Int, _ word: String) -> String { "\(n) \(word)\(n == 1 ? "" : "s")" }
        return "\(plural(stats.notes, "note")), \(plural(stats.claims - stats.failedClaims, "claim")) verified, "
            + "\(stats.failedClaims) failed, \(stats.notRunClaims > 0 ? "\(stats.notRunClaims) not run, " : "")"
            + formulas(plural)
            + "\(plural(stats.errors, "error")), \(plural(stats.warnings, "warning")); "
            + "\(plural(stats.pagesWritten, "page")) written, \(stats.pagesReused) reused"
    }
}
