import ArgumentParser
import Diagnostics
import Foundation
import Notes
import Site

/// `qed build`: verify the vault and publish it as a static site.
struct Build: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Verify a vault and render it as a static site.",
        discussion: """
            The site is built beside OUTPUT and swapped in only when the build succeeds, so a \
            failed or interrupted build leaves the previous site untouched. Unchanged notes are \
            neither re-verified nor re-rendered (the cache lives in OUTPUT/.qed-cache).
            Exit status: 0 built; 1 a claim failed or an error was found (with --keep-going the \
            site is written anyway); 2 usage or I/O error.
            """)

    @Argument(help: "The vault folder (default: the nearest vault above, else ./notes).", completion: .directory)
    var vault: String?

    @Option(name: .shortAndLong, help: "The output folder.", completion: .directory)
    var output: String = "output"

    @Option(help: "A theme folder; templates it lacks come from the default theme.", completion: .directory)
    var templates: String?

    @Option(help: "The site's public URL, for absolute links in sitemap.xml.")
    var baseURL: String?

    @Flag(help: "Write the site even when claims fail (the exit status is still 1).")
    var keepGoing = false

    @Flag(help: "Treat warnings (unresolved links, unknown LaTeX) as errors.")
    var strict = false

    // Optional, so --help shows the default once, in words, not also as this machine's number.
    @Option(help: "Notes verified and rendered at once (default: the number of cores).")
    var jobs: Int?

    @Flag(help: "Re-verify and re-render every note, ignoring the cache.")
    var noCache = false

    @Flag(name: .shortAndLong, help: "Print only problems.")
    var quiet = false

    @Flag(help: "Publish a site even when the vault has no notes (by default finding none is an error, exit 2).")
    var allowEmpty = false

    @Flag(help: "Print how long each stage of the build took (reading, linking, note pages, …).")
    var timings = false

    func validate() throws {
        if let jobs, jobs < 1 { throw ValidationError("--jobs must be at least 1, not \(jobs).") }
        if let baseURL, !VaultConfig.isSafeBaseURL(baseURL) {
            throw ValidationError("--base-url must be an http:// or https:// URL or a path starting with /, not '\(baseURL)'.")
        }
    }

    func run() throws {
        let vault = vault ?? VaultLocation.defaultVault()
        let started = Date()
        let showProgress = !quiet && Terminal.stderrIsTerminal
        var options = BuildOptions(vault: vault, output: output, templates: templates, baseURL: baseURL,
                                   keepGoing: keepGoing, strict: strict, jobs: jobs ?? Check.cores, useCache: !noCache,
                                   progress: showProgress ? Terminal.progressLine(label: "notes") : nil)
        options.allowEmpty = allowEmpty
        // Whether a site is there to keep if this build fails, so the verdict tells the truth.
        let hadSite = SiteBuilder.holdsSite(at: output)
        let builder = SiteBuilder(options: options, version: QED.version)
        let result: BuildResult
        do {
            result = try builder.build()
        } catch {
            Terminal.writeError("error: \(error)\n")
            throw ExitStatus.usage
        }
        let prefix = VaultLocation.displayPrefix(for: vault)
        let renderer = DiagnosticRenderer(colour: Terminal.colour(for: STDERR_FILENO))
        let sources = SourceFiles(root: vault, displayPrefix: prefix)
        for diagnostic in result.diagnostics {
            let source = diagnostic.location.flatMap { sources.text($0.file) }
            Terminal.writeError(renderer.render(diagnostic.prefixingFile(with: prefix), source: source))
        }
        if showProgress { Terminal.writeError("\r\u{1B}[2K") }
        let seconds = Date().timeIntervalSince(started)
        if !quiet || !result.succeeded {
            let verdict = result.succeeded ? "built"
                : result.wroteSite ? "built with failures"
                : hadSite ? "FAILED, previous site kept" : "FAILED, no site written"

            Terminal.writeError("\(verdict): \(result.summary) in \(String(format: "%.2f", seconds)) s → \(output)\n")
        }
        if timings { Terminal.writeError("timings: \(result.timings.description)\n") }
        if !result.succeeded { throw ExitStatus.failure }
    }
}
