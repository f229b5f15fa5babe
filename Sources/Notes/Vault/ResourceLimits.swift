/// Every bound QED puts on what one input may cost, in one place, each overridable under
/// `limits:` in `qed.yml`. The defaults sit far above what a real vault holds and far below
/// what would take a machine down.
public struct ResourceLimits: Sendable, Hashable {
    /// Largest note file read, in bytes (`note_bytes`); a larger one is skipped with an error.
    public var noteBytes: Int = 8 << 20
    /// Largest front-matter block, in bytes (`front_matter_bytes`).
    public var frontMatterBytes: Int = 64 << 10
    /// Values a front matter (or `qed.yml`) may expand to with YAML aliases (`yaml_values`).
    public var yamlValues: Int = 10_000
    /// Lists and mappings nested inside each other in YAML (`yaml_depth`).
    public var yamlDepth: Int = 64
    /// Diagnostics kept for one note (`diagnostics_per_note`); the rest are counted in one
    /// closing diagnostic, so an error-heavy note cannot flood a terminal or a report.
    public var diagnosticsPerNote: Int = 200
    /// Numbers (vector and matrix entries) one note's cells may hold at once (`note_numbers`).
    public var noteNumbers: Int = 20_000_000
    /// Evaluation steps all of one note's cells may take together (`note_steps`).
    public var noteSteps: Int = 100_000_000

    /// The defaults.
    public init() {}

    /// The names `limits:` in qed.yml accepts, with the property each sets.
    static var keys: [(name: String, path: WritableKeyPath<ResourceLimits, Int>)] { [
        ("note_bytes", \.noteBytes), ("front_matter_bytes", \.frontMatterBytes),
        ("yaml_values", \.yamlValues), ("yaml_depth", \.yamlDepth),
        ("diagnostics_per_note", \.diagnosticsPerNote),
        ("note_numbers", \.noteNumbers), ("note_steps", \.noteSteps),
    ] }

    var yamlBudget: YAMLBudget { YAMLBudget(maximumValues: yamlValues, maximumDepth: yamlDepth) }
}
