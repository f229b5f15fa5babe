/// What kind of problem a diagnostic reports: one case per problem QED can find.
///
/// The raw value is the code's stable name, written by every report (terminal, JSON, JUnit,
/// GitHub annotations, pages) and matched by CI scripts and tests: renaming one is a
/// breaking change to those reports. Names are lower-case kebab-case.
public enum DiagnosticCode: String, Sendable, Codable, CaseIterable, Hashable {
    // MARK: Vault and files

    /// A file named on the command line does not exist.
    case fileNotFound = "file-not-found"
    /// A file or symbolic link lies outside the vault (or is not one of its notes).
    case outsideVault = "outside-vault"
    /// A note could not be read (permissions, I/O error, not a regular file).
    case unreadableFile = "unreadable-file"
    /// A folder of the vault could not be listed.
    case unreadableFolder = "unreadable-folder"
    /// A symbolic link points nowhere.
    case brokenSymlink = "broken-symlink"
    /// A symbolic link leads back to a folder already read.
    case symlinkLoop = "symlink-loop"
    /// A note is larger than `limits.note_bytes`; it is skipped.
    case noteTooLarge = "note-too-large"
    /// A note contains NUL bytes and looks binary; it is skipped.
    case binaryFile = "binary-file"
    /// QED crashed while working on a note; the note is left out of the run.
    case internalError = "internal-error"

    // MARK: Configuration

    /// `qed.yml` is not valid YAML or breaks a YAML limit; the defaults are used.
    case configYAML = "config-yaml"
    /// A `qed.yml` setting has the wrong type; it is ignored.
    case configType = "config-type"
    /// `qed.yml` has a setting or limit QED does not know.
    case configUnknown = "config-unknown"
    /// `qed.yml` names a language QED does not know.
    case configLanguage = "config-language"
    /// `.obsidian/app.json` is not a JSON object; Obsidian's defaults are used.
    case obsidianSettings = "obsidian-settings"

    // MARK: Note text and front matter

    /// The file is not valid UTF-8; bad bytes were replaced with U+FFFD.
    case invalidUTF8 = "invalid-utf8"
    /// The file uses the private-use characters QED reserves for itself.
    case reservedCharacter = "reserved-character"
    /// The note is empty, or has front matter and nothing else.
    case emptyNote = "empty-note"
    /// Front matter opened with `---` is never closed.
    case frontMatterUnclosed = "front-matter-unclosed"
    /// Front matter is not valid YAML or breaks a YAML limit; it is ignored.
    case frontMatterYAML = "front-matter-yaml"
    /// A front matter field has the wrong type; it is ignored.
    case frontMatterType = "front-matter-type"
    /// A front matter date field is not a date.
    case frontMatterDate = "front-matter-date"
    /// The front matter's `qed:` mapping has an option QED does not know.
    case frontMatterQED = "front-matter-qed"

    // MARK: Markdown

    /// A code fence is never closed.
    case unclosedFence = "unclosed-fence"
    /// A `%%` comment is never closed.
    case unclosedComment = "unclosed-comment"
    /// A `$$` display formula is never closed.
    case unclosedMath = "unclosed-math"
    /// A table's header and delimiter row have different numbers of cells.
    case tableColumns = "table-columns"
    /// Raw HTML that is not allowed was dropped.
    case rawHTML = "raw-html"
    /// A raw HTML element is never closed.
    case rawHTMLUnclosed = "raw-html-unclosed"
    /// A block id `^id` is used twice in one note.
    case duplicateBlockID = "duplicate-block-id"
    /// A footnote is defined twice.
    case duplicateFootnote = "duplicate-footnote"
    /// A footnote is defined but never referenced.
    case unusedFootnote = "unused-footnote"
    /// A footnote is referenced but never defined.
    case undefinedFootnote = "undefined-footnote"
    /// A `qed` cell has an option QED does not know.
    case unknownCellOption = "unknown-cell-option"

    // MARK: Links

    /// A wiki-link names no note.
    case unresolvedLink = "unresolved-link"
    /// A link names a heading the target note does not have.
    case unresolvedHeading = "unresolved-heading"
    /// A link's name matches more than one note.
    case ambiguousLink = "ambiguous-link"
    /// An embed or link names a file that is not in the vault.
    case missingFile = "missing-file"
    /// A note embeds itself; it is shown as a link.
    case selfEmbed = "self-embed"

    // MARK: Math

    /// A TeX formula has a problem (unknown command, unbalanced braces, …).
    case math = "math"
    /// A formula read as a claim does not hold.
    case formulaFailed = "formula-failed"

    // MARK: Cells and claims

    /// A cell does not parse.
    case syntax = "syntax"
    /// A claim in a cell does not hold.
    case claimFailed = "claim-failed"
    /// A claim was not checked (its cell was skipped or stopped before it).
    case claimNotRun = "claim-not-run"
    /// A cell marked `expect-error` ran without an error.
    case expectedError = "expected-error"
    /// An inline value `= …` is not one expression.
    case inline = "inline"
    /// A value has the wrong type for what is done with it.
    case type = "type"
    /// A function was called with a wrong or missing argument.
    case argument = "argument"
    /// A value is outside the domain of a function (a negative probability, log of 0, …).
    case domain = "domain"
    /// Values have shapes that do not fit together (lengths, tables, unpacking).
    case shape = "shape"
    /// Quantities have units that do not fit together.
    case unit = "unit"
    /// An index is out of range.
    case index = "index"
    /// A division by zero.
    case divisionByZero = "division-by-zero"
    /// An operation gave NaN.
    case nan = "nan"
    /// A name is not defined.
    case unknownName = "unknown-name"
    /// A function is not defined.
    case unknownFunction = "unknown-function"
    /// A cell took more evaluation steps than allowed.
    case stepLimit = "step-limit"
    /// Evaluation or calls nested deeper than allowed.
    case recursionLimit = "recursion-limit"
    /// A vector would be longer than allowed.
    case lengthLimit = "length-limit"
    /// A note's values would hold more numbers than allowed.
    case memoryLimit = "memory-limit"
    /// A `forall` asks for more cases than allowed.
    case casesLimit = "cases-limit"

    // MARK: Reports

    /// Stands for the diagnostics of one file past the per-note cap.
    case tooManyDiagnostics = "too-many-diagnostics"

    /// Whether the diagnostic is the outcome of a claim or a formula claim, which transcripts
    /// and JUnit reports show as that claim's own entry rather than as a further problem.
    public var isClaimOutcome: Bool {
        switch self {
        case .claimFailed, .claimNotRun, .formulaFailed: true
        default: false
        }
    }

    /// Whether the problem is running out of a resource (steps, depth, length, memory,
    /// cases) rather than a mistake in the input: inside `forall` such an error stops the
    /// property instead of counting as a counterexample.
    public var isResourceLimit: Bool {
        switch self {
        case .stepLimit, .recursionLimit, .lengthLimit, .memoryLimit, .casesLimit: true
        default: false
        }
    }
}
