@testable import Notes

/// The Markdown pass of one note with every GFM and Obsidian extension (tables, callouts,
/// footnotes, embeds, block ids, tags, comments, raw HTML sanitising), raw HTML off and on.
/// Register as ("markdown", fuzzMarkdown) in Main.swift's `fuzzTargets`.
func fuzzMarkdown(_ bytes: [UInt8]) {
    MarkdownFuzzing.run(bytes)
}
