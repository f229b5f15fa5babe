import ArgumentParser
import Diagnostics
import Foundation
import Notes
import Site
import Storage
import Verification

extension ReportFormat: ExpressibleByArgument {}

/// `qed check`: verification only, for CI.
struct Check: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Run every cell, check every claim and resolve every link, then report.",
        discussion: """
            PATH is a vault folder, or notes inside one (their vault is the nearest folder above \
            them holding a qed.yml, else their own folder; links still resolve against the whole vault). \
            Without PATH: the nearest vault above the working directory, else ./notes.
            """)

    @Argument(help: "A vault folder, or notes in one.", completion: .file())
    var paths: [String] = []

    @Option(help: "Report format: text, json, junit or github.")
    var format: ReportFormat = .text

    @Flag(help: "Treat warnings (unresolved links, unknown LaTeX) as errors.")
    var strict = false

    // Optional, so --help shows the default once, in words, not also as this machine's number.
    @Option(help: "Notes verified at once (default: the number of cores).")
    var jobs: Int?

    static var cores: Int { ProcessInfo.processInfo.activeProcessorCount }

    @Flag(name: .shortAndLong, help: "Print only errors and the summary line (text format); warnings are still counted.")
    var quiet = false

    @Flag(help: "Succeed on a vault with no notes (by default finding none is an error, exit 2).")
    var allowEmpty = false

    @Flag(help: "Parse and verify every note again, ignoring the parsed notes and verdicts kept in VAULT/.qed-cache.")
    var noCache = false

    func validate() throws {
        if let jobs, jobs < 1 { throw ValidationError("--jobs must be at least 1, not \(jobs).") }
    }

    func run() throws {
        let selection = try VaultSelection(paths: paths, cache: !noCache)
        let report = selection.verify(options: VerificationOptions(strict: strict, jobs: jobs ?? Check.cores))
        let noNotes = report.notes.isEmpty && selection.outsiders.isEmpty && !allowEmpty
        // With nothing else to say, only the error; files that could not be read are still listed.
        if noNotes && report.vaultDiagnostics.isEmpty {
            Terminal.writeError("error: " + NoNotes.message(vault: selection.absoluteRoot) + "\n")
            throw ExitStatus.usage
        }
        var writer = ReportWriter(
            pathPrefix: VaultLocation.displayPrefix(for: selection.vault.root),
            colour: format == .text && Terminal.colour(for: STDOUT_FILENO),
            source: { [sources = SourceFiles(root: selection.vault.root)] file in sources.text(file) })
        if quiet { writer.minimumSeverity = .error }
        Terminal.write(writer.write(report, as: format))
        if noNotes {
            Terminal.writeError("error: " + NoNotes.message(vault: selection.absoluteRoot) + "\n")
            throw ExitStatus.usage
        }
        if !report.succeeded { throw ExitStatus.failure }
    }
}

/// The vault a command works on, and which of its notes were asked for.
struct VaultSelection {
    let vault: Vault
    /// Vault-relative paths of the notes named on the command line; nil means all.
    let only: Set<String>?
    /// Named files that are not notes of the vault.
    let outsiders: [Diagnostic]
    /// The verdicts of earlier checks, kept in the vault's `.qed-cache`; nil with `--no-cache`.
    let verdicts: VerdictCache?
    /// The parse cache the vault was loaded through; saved while the notes are verified.
    private let parseCache: NoteCache?
    /// The vault folder, absolute, for messages that say where QED looked.
    var absoluteRoot: String { URL(fileURLWithPath: vault.root).standardizedFileURL.path }

    /// - Parameter cache: Take unchanged notes from the parse cache in the vault's
    ///   `.qed-cache` folder, and keep what this run parsed there; `verify` does the same
    ///   with verdicts.
    init(paths: [String], cache: Bool = false) throws {
        let fileManager = FileManager.default
        var directories: [String] = []
        var files: [String] = []
        for path in paths {
            var isDirectory: ObjCBool = false
            guard fileManager.fileExists(atPath: path, isDirectory: &isDirectory) else {
                throw ValidationError("no such file or folder: '\(path)'.")
            }
            if isDirectory.boolValue { directories.append(path) } else { files.append(path) }
        }
        guard directories.count <= 1, directories.isEmpty || files.isEmpty else {
            throw ValidationError("name one vault folder, or notes inside one vault; not both.")
        }
        let root = directories.first ?? files.first.map(VaultLocation.vault(containing:)) ?? VaultLocation.defaultVault()
        do {
            let notes = cache ? NoteCache.inVault(root) : nil
            // With the cache, unchanged notes are outlines and their bodies stay encoded until
            // verified (if their verdict is not cached): a check after one edit decodes one note.
            var spool: RecordSpool? = nil
            if notes != nil {
                let folder = NoteCache.folder(ofVault: root)
                NoteCache.makeFolder(folder)
                spool = RecordSpool(path: folder + "/notes.spool.\(getpid())")
            }
            vault = try Vault.load(at: root, cache: notes, spool: spool)
            parseCache = notes
        } catch {
            throw ValidationError("cannot read the vault '\(root)': \(error)")
        }
        verdicts = cache ? VerdictCache.inVault(vault.root) : nil
        guard !files.isEmpty else {
            only = nil
            outsiders = []
            return
        }
        let rootURL = URL(fileURLWithPath: vault.root).standardizedFileURL.resolvingSymlinksInPath().path
        var chosen = Set<String>()
        var outsiders: [Diagnostic] = []
        let known = Set(vault.notes.map(\.path))
        for file in files {
            let absolute = URL(fileURLWithPath: file).standardizedFileURL.resolvingSymlinksInPath().path
            let relative = absolute.hasPrefix(rootURL + "/") ? String(absolute.dropFirst(rootURL.count + 1)) : nil
            if let relative, known.contains(relative) {
                chosen.insert(relative)
            } else {
                outsiders.append(.error(
                    .outsideVault, "'\(file)' is not a note of the vault at '\(root)'",
                    at: SourceLocation(file: file, line: 1, column: 1),
                    hint: relative == nil
                        ? "move it into the vault, or check the vault it belongs to: qed check <its folder>"
                        : "it is skipped by the vault (hidden folder, output folder or an ignore: glob in qed.yml)"))
            }
        }
        self.only = chosen
        self.outsiders = outsiders
    }

    /// The notes asked for.
    var chosenNotes: [Note] { vault.notes.filter { only?.contains($0.path) ?? true } }

    /// The report on the notes asked for: a note whose verification inputs are unchanged
    /// since the last check is taken from the verdict cache, the others are verified now and
    /// their verdicts kept (with those of the vault's other notes; verdicts of notes no
    /// longer in the vault are dropped).
    func verify(options: VerificationOptions) -> VerificationReport {
        // Parsed notes are worth keeping whatever the check finds; saved on the side.
        let saving = DispatchGroup()
        if let parseCache { DispatchQueue.global().async(group: saving) { parseCache.save() } }
        defer { saving.wait() }
        let verifier = Verifier(vault: vault, options: options)
        let verdicts = verifier.verdicts(of: chosenNotes, cache: self.verdicts)
        self.verdicts?.save(keeping: vault.notes.map(\.path))
        return VerificationReport(verdicts: verdicts, vaultDiagnostics: relevantVaultDiagnostics + outsiders,
                                  strict: options.strict)
    }

    /// The notes asked for, verified now with everything they computed (for `qed run`,
    /// which shows cell outputs), and the report on them.
    func verifyInFull(options: VerificationOptions) -> (notes: [VerifiedNote], report: VerificationReport) {
        let verifier = Verifier(vault: vault, options: options)
        // A note that cannot be read back whole is verified as its outline carrying that error.
        let notes = chosenNotes.map { outline in
            vault.fullNote(of: outline) ?? { var note = outline; note.diagnostics = [outline.notReadBack]; return note }()
        }
        let verified = notes.concurrentMap(jobs: options.jobs) { verifier.verify($0) }
        return (verified, VerificationReport(notes: verified, vaultDiagnostics: relevantVaultDiagnostics + outsiders,
                                             strict: options.strict))
    }

    /// The vault's own problems that concern this run: all of them for a whole vault; for
    /// named notes, only the settings' and those notes' own. `qed run ~/Downloads/note.md`
    /// must not fail on an unreadable folder elsewhere in Downloads.
    var relevantVaultDiagnostics: [Diagnostic] {
        guard let only else { return vault.diagnostics }
        let settings: Set<String> = [Vault.configFileName, ".obsidian/app.json"]
        return vault.diagnostics.filter { diagnostic in
            guard let file = diagnostic.location?.file else { return true }
            return settings.contains(file) || only.contains(file)
        }
    }
}
