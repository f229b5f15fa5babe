import Foundation
import Notes

// Ad-hoc release measurement of the Notes module (not a test; numbers vary with machine load):
//   NotesBench [N]             a synthetic vault of N notes, a 20 MB note, and cmark alone for comparison
//   NotesBench --plain         a plain 20 MB note against cmark, three times
//   NotesBench --note FILE     what a note yields: math, unresolved links, diagnostics
//   NotesBench --compare FILE  holes filled with plain source next to cmark's own HTML
func now() -> Double { Double(DispatchTime.now().uptimeNanoseconds) / 1e9 }

let args = CommandLine.arguments
if args.count > 2, args[1] == "--note" {
    let n = try Note.read(path: args[2], relativePath: (args[2] as NSString).lastPathComponent)
    print("title:", n.title, "| math:", n.math.count, "| links:", n.links.count, "| cells:", n.cells.count,
          "| headings:", n.headings.count)
    for m in n.math { print(m.location, m.display ? "D" : "I", m.tex) }
    let r = LinkResolver(notes: [n])
    for l in n.links { if let d = r.diagnostic(for: l, resolution: r.resolve(l, from: n.id)) { print(d) } }
    for d in n.diagnostics { print(d) }
    exit(0)
}
if args.count > 1, args[1] == "--plain" {
    var plain = ""
    while plain.utf8.count < 20_000_000 { plain += "Plain *prose* with `code` and [a link](x).\n\n- list\n- items\n\n" }
    for _ in 0..<3 {
        var t0 = now()
        _ = Note.parse(bytes: Array(plain.utf8), path: "plain.md")
        var t1 = now()
        let ours = t1 - t0
        t0 = now()
        _ = cmarkReferenceHTML(plain)
        t1 = now()
        print(String(format: "plain 20 MB: Note.parse %.3f s, cmark parse+render %.3f s, ratio %.2f", ours, t1 - t0, ours / (t1 - t0)))
    }
    exit(0)
}
if args.count > 2, args[1] == "--compare" {
    let text = String(decoding: FileManager.default.contents(atPath: args[2]) ?? Data(), as: UTF8.self)
    let n = Note.parse(bytes: Array(text.utf8), path: "c.md")
    let ours = n.body.render { hole in
        switch hole {
        case .headingAnchor: return ""
        case .cell(let i):
            let language = n.cells[i].info.split(separator: " ").first.map(String.init) ?? ""
            return "<pre><code class=\"language-\(language)\">\(MarkdownBody.escapeHTML(n.cells[i].code))</code></pre>"
        case .inlineValue(let i): return "<code>\(MarkdownBody.escapeHTML(n.inlineExpressions[i].codeText))</code>"
        case .math(let i): return "[M:\(n.math[i].tex)]"
        case .link(let i): return "[[\(n.links[i].target)]]"
        case .tag(let i): return "#" + n.inlineTags[i]
        }
    }
    print("OURS:\n" + ours + "\nCMARK:\n" + cmarkReferenceHTML(text))
    exit(0)
}
let noteCount = args.count > 1 ? Int(args[1]) ?? 2000 : 2000
let root = NSTemporaryDirectory() + "qed-notes-bench-\(getpid())"
try? FileManager.default.removeItem(atPath: root)
var totalBytes = 0
for k in 0..<noteCount {
    var text = "---\ntitle: \"笔记 \(k)\"\ntags: [a/b, bench]\ncreated: 2026-02-13\n---\n# 笔记 \(k)\n\n"
    for s in 0..<12 {
        text += "## 小节 \(s)\n\n信息论 $H(X) = -\\sum_x P(x) \\log P(x)$ and [[d\(k % 10)/n\((k + s) % noteCount)|链接]] with `= H(P)` *em* **strong**.\n\n"
        text += "$$D_{\\text{KL}}(P \\| Q) = \\sum_{x} P(x) \\log \\frac{P(x)}{Q(x)}$$\n\n"
        text += "```qed\nP = [0.5, 0.25, 0.25]\ncheck H(P) > 0\n```\n\n- item one\n- item two\n\n```python\nx = 1  # $not math$\n```\n\n"
    }
    let dir = root + "/d\(k % 10)"
    try? FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
    _ = FileManager.default.createFile(atPath: dir + "/n\(k).md", contents: Data(text.utf8))
    totalBytes += text.utf8.count
}
var t0 = now()
var cmarkSeconds = 0.0
for k in 0..<noteCount {
    let data = FileManager.default.contents(atPath: root + "/d\(k % 10)/n\(k).md") ?? Data()
    let s0 = now()
    _ = cmarkReferenceHTML(String(decoding: data, as: UTF8.self))
    cmarkSeconds += now() - s0
}
print(String(format: "cmark alone over the vault's files, one core: %.3f s", cmarkSeconds))
var files: [[UInt8]] = []
for k in 0..<noteCount { files.append(Array(FileManager.default.contents(atPath: root + "/d\(k % 10)/n\(k).md") ?? Data())) }
t0 = now()
for (k, f) in files.enumerated() { _ = Note.parse(bytes: f, path: "n\(k).md") }
print(String(format: "Note.parse over the vault's files, one core: %.3f s", now() - t0))
let bodies = files.map { f -> [UInt8] in
    let text = String(decoding: f, as: UTF8.self)
    guard let r = text.range(of: "\n---\n") else { return f }
    return Array(text[r.upperBound...].utf8)
}
t0 = now()
for (k, f) in bodies.enumerated() { _ = Note.parse(bytes: f, path: "n\(k).md") }
print(String(format: "Note.parse without front matter, one core: %.3f s", now() - t0))
if args.count > 2, args[2] == "--parse-only" {
    for _ in 0..<5 { for (k, f) in bodies.enumerated() { _ = Note.parse(bytes: f, path: "n\(k).md") } }
    exit(0)
}
t0 = now()
let vault = try Vault.load(at: root)
var t1 = now()
let mb = Double(totalBytes) / 1e6
print(String(format: "vault: %d notes, %.1f MB in %.3f s = %.1f MB/s (%d math, %d links, %d cells)",
             vault.notes.count, mb, t1 - t0, mb / (t1 - t0),
             vault.notes.reduce(0) { $0 + $1.math.count }, vault.notes.reduce(0) { $0 + $1.links.count },
             vault.notes.reduce(0) { $0 + $1.cells.count }))
let resolver = LinkResolver(notes: vault.notes)
t0 = now()
var resolved = 0
for n in vault.notes { for l in n.links { if case .note = resolver.resolve(l, from: n.id) { resolved += 1 } } }
t1 = now()
print(String(format: "links: %d resolved in %.3f s", resolved, t1 - t0))
t0 = now()
var hinted = 0
for n in vault.notes {
    for k in 0..<5 {
        let link = WikiLink(target: "d\(k)/m\(n.id.count + k)x", heading: nil, label: nil, isEmbed: false,
                            location: n.headings[0].location, source: "[[x]]")
        if resolver.diagnostic(for: link, resolution: resolver.resolve(link))?.hint != nil { hinted += 1 }
    }
}
t1 = now()
print(String(format: "missing links: %d diagnostics with hints in %.3f s", hinted, t1 - t0))

// One large note, single-threaded.
var big = ""
let block = "Para with $x_1 + y$ and [[Link|l]] and `code` and `= H(P)` 中文。\n\n```qed\nP = [0.5, 0.5]\n```\n\n"
while big.utf8.count < 20_000_000 { big += block }
let bytes = Array(big.utf8)
t0 = now()
let note = Note.parse(bytes: bytes, path: "big.md")
t1 = now()
print(String(format: "large note: %.1f MB in %.3f s = %.1f MB/s (%d math)", Double(bytes.count) / 1e6, t1 - t0,
             Double(bytes.count) / 1e6 / (t1 - t0), note.math.count))
t0 = now()
_ = cmarkReferenceHTML(big)
t1 = now()
print(String(format: "cmark alone on the large note: %.3f s = %.1f MB/s", t1 - t0, Double(bytes.count) / 1e6 / (t1 - t0)))
var plain = ""
while plain.utf8.count < 20_000_000 { plain += "Plain *prose* with `code` and [a link](x).\n\n- list\n- items\n\n" }
t0 = now()
let p = Note.parse(bytes: Array(plain.utf8), path: "plain.md")
t1 = now()
print(String(format: "plain note: %.1f MB in %.3f s = %.1f MB/s (%d holes)", Double(plain.utf8.count) / 1e6, t1 - t0,
             Double(plain.utf8.count) / 1e6 / (t1 - t0), p.body.holes.count))
t0 = now()
_ = cmarkReferenceHTML(plain)
t1 = now()
print(String(format: "cmark alone on the plain note: %.3f s = %.1f MB/s", t1 - t0, Double(plain.utf8.count) / 1e6 / (t1 - t0)))
try? FileManager.default.removeItem(atPath: root)
