import Notes
/// What `qed build` was asked to do.
public struct BuildOptions: Sendable {
    /// The vault folder (relative paths are taken from the current directory).
    public var vault: String
    /// The output folder; replaced as a whole when the build succeeds.
    public var output: String
    /// A theme folder of the user's; templates and assets it lacks come from the default theme.
    public var templates: String?
    /// The site's public address (`https://example.org/notes/`), used only for absolute URLs
    /// in `sitemap.xml`. Falls back to `base_url` in qed.yml.
    public var baseURL: String?
    /// Write the site even when claims fail or notes have errors (the result still fails).
    public var keepGoing: Bool
    /// Treat warnings as errors.
    public var strict: Bool
    /// Notes verified and rendered at once.
    public var jobs: Int
    /// Reuse the previous build's results for unchanged notes (`--no-cache` turns it off).
    public var useCache: Bool
    /// Publish a site even when the vault holds no notes. Off by default: a build pointed at
    /// the wrong folder must fail rather than publish an empty site (`BuildError.noNotes`).
    public var allowEmpty = false
    /// Pages list their note's problems whatever `show_diagnostics` says (the preview does).
    public var showDiagnostics = false
    /// Where highlight.js is looked for (Debian's `libjs-highlight.js`); when the file is
    /// missing, code in other languages is shown plain. Nil: not looked for.
    public var highlighter: String? = Highlighter.systemPath
    /// Called from worker threads as notes finish, with how many are done and how many there
    /// are, for a progress line; nil for none.
    public var progress: (@Sendable (_ done: Int, _ total: Int) -> Void)?

    /// Defaults match `qed build`: no theme of the user's, stop on failures, two jobs, cache on.
    public init(vault: String, output: String, templates: String? = nil, baseURL: String? = nil,
                keepGoing: Bool = false, strict: Bool = false, jobs: Int = 2, useCache: Bool = true,
                progress: (@Sendable (_ done: Int, _ total: Int) -> Void)? = nil) {
        self.vault = vault
        self.output = output
        self.templates = templates
        self.baseURL = baseURL
        self.keepGoing = keepGoing
        self.strict = strict
        self.jobs = jobs
        self.useCache = useCache
        self.progress = progress
    }
}

/// Why a build could not run at all (as opposed to a build that ran and found failures,
/// which is a `BuildResult` with `succeeded == false`).
public enum BuildError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The output folder is one QED must not replace: the vault, a folder holding the vault,
    /// `/`, the home folder, a file, or a non-empty folder QED did not create.
    case unsafeOutput(path: String, reason: String)
    /// The vault could not be loaded.
    case vault(String)
    /// A template of the theme does not parse.
    case template(file: String, message: String)
    /// Reading or writing a file failed.
    case io(path: String, message: String)
    /// The vault folder holds no notes (and `allowEmpty` is off).
    case noNotes(vault: String)

    /// One line for the terminal, naming the path involved.
    public var description: String {
        switch self {
        case .unsafeOutput(let path, let reason): return "refusing to write the site to \(path): \(reason)"
        case .vault(let message): return message
        case .template(let file, let message): return "template \(file): \(message)"
        case .io(let path, let message): return "\(path): \(message)"
        case .noNotes(let vault): return NoNotes.message(vault: vault)
        }
    }
}

/// Counts for the command line's summary line.
public struct BuildStats: Sendable, Equatable, Codable {
    /// Notes in the vault.
    public var notes = 0
    /// Notes whose cells ran in this build (the rest came from the cache).
    public var notesVerified = 0
    /// Pages (HTML, sitemap, search index) rendered in this build.
    public var pagesWritten = 0
    /// Pages taken unchanged from the previous output.
    public var pagesReused = 0
    /// Claims checked (passed and failed), across all notes, cached ones included.
    public var claims = 0
    /// Claims that did not hold.
    public var failedClaims = 0
    /// Claims the notes contain that never ran (not in `claims`).
    public var notRunClaims = 0
    /// Formulas read as claims that held, and that failed.
    public var verifiedFormulas = 0
    public var failedFormulas = 0
    /// Error diagnostics (failed claims among them), vault-level ones included.
    public var errors = 0
    /// Warnings (none with `strict`, which makes them errors).
    public var warnings = 0

    /// All counts zero.
    public init() {}
}
