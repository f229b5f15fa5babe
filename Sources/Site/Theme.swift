import Foundation
import Markup
import Mustache
import Notes
import Storage

/// HTML escaping for `{{x}}` in templates: QED's own escaper.
struct EscapedHTML: MustacheContentType {
    func escapeText(_ text: String) -> String { HTML.escape(text) }
}

/// The templates and assets pages are made from.
///
/// The default theme (the repository's `templates/` folder, compiled into QED so an installed
/// binary needs no files beside it) is always the base; a user's `--templates DIR` overrides
/// it file by file: a `note.mustache` there replaces the default `note.mustache`, a missing one
/// falls back to the default, and `assets/` files are added to or replace the default assets.
struct Theme: Sendable {
    /// The page templates every theme has (after falling back to the defaults).
    static let pageTemplates = ["note", "home", "tag", "tags", "search", "404"]

    let library: MustacheLibrary
    /// Asset files by path under `assets/`, sorted by path.
    let assets: [(path: String, data: Data)]
    /// Fingerprint of every template and asset: a theme change re-renders every page.
    let hash: String
    /// The theme's `words.json`: interface words replacing the shipped ones, per language.
    var words: [SiteLanguage: [String: String]] = [:]
    /// Whether the assets hold `highlight.js` (from Debian's package, or the theme's own).
    var hasHighlighter: Bool { assets.contains { $0.path == Highlighter.assetName } }
    /// The templates the user's folder replaced (`note`, `header`…); the others are the default theme's.
    var overridden: Set<String> = []

    /// The partials each default page template includes (`{{> head}}`…). `NativePageTests`
    /// checks this against the template files.
    static let defaultPartials: [String: [String]] = [
        "note": ["head", "header", "footer"],
        "home": ["head", "header", "note-list", "footer"],
        "tag": ["head", "header", "note-list", "footer"],
        "tags": ["head", "header", "footer"],
        "search": ["head", "header", "footer"],
        "404": ["head", "header", "footer"],
    ]

    /// Whether `template` is the default theme's own file (the user's folder did not replace it).
    func isDefault(template: String) -> Bool { !overridden.contains(template) }

    /// Whether the page template `name` and every partial it includes are the default theme's:
    /// then its pages are written natively (`NativePages*.swift`), which gives the same bytes as
    /// Mustache in a fraction of the time. A user's `assets/` and `words.json` do not matter.
    func rendersNatively(_ name: String) -> Bool {
        guard let partials = Theme.defaultPartials[name] else { return false }
        return isDefault(template: name) && partials.allSatisfy { isDefault(template: $0) }
    }

    /// Loads the default theme, overridden by `folder` when given. `highlighter` is where
    /// highlight.js's bundle is looked for (`Highlighter.systemPath`; nil: nowhere).
    static func load(userFolder folder: String?, highlighter: String? = Highlighter.systemPath) throws(BuildError) -> Theme {
        var templates: [String: String] = [:]
        var assets: [String: Data] = [:]
        var words: [SiteLanguage: [String: String]] = [:]
        var wordsData = Data()
        var overridden: Set<String> = []
        if let highlighter, let bundle = Highlighter.asset(at: highlighter) { assets[Highlighter.assetName] = bundle }
        for (path, text) in DefaultTheme.files {
            if path.hasPrefix("assets/") {
                assets[String(path.dropFirst("assets/".count))] = Data(text.utf8)
            } else if path.hasSuffix(".mustache") {
                templates[String(path.dropLast(".mustache".count))] = text
            }
        }
        if let folder {
            let fm = FileManager.default
            var isDirectory: ObjCBool = false
            guard fm.fileExists(atPath: folder, isDirectory: &isDirectory), isDirectory.boolValue else {
                throw .io(path: folder, message: "the templates folder does not exist")
            }
            for entry in ((try? fm.contentsOfDirectory(atPath: folder)) ?? []).sorted() where entry.hasSuffix(".mustache") {
                guard let data = fm.contents(atPath: folder + "/" + entry), let text = String(data: data, encoding: .utf8) else {
                    throw .io(path: folder + "/" + entry, message: "cannot read the template as UTF-8")
                }
                templates[String(entry.dropLast(".mustache".count))] = text
                overridden.insert(String(entry.dropLast(".mustache".count)))
            }
            if let data = fm.contents(atPath: folder + "/words.json") {
                words = try Words.overrides(json: data)
                wordsData = data
            }
            let assetFolder = folder + "/assets"
            if let enumerator = fm.enumerator(atPath: assetFolder) {
                while let relative = enumerator.nextObject() as? String {
                    let full = assetFolder + "/" + relative
                    var isDir: ObjCBool = false
                    guard fm.fileExists(atPath: full, isDirectory: &isDir), !isDir.boolValue,
                          !relative.split(separator: "/").contains(where: { $0.hasPrefix(".") }),
                          let data = fm.contents(atPath: full) else { continue }
                    assets[relative] = data
                }
            }
        }
        var library = MustacheLibrary()
        var hasher = ContentHasher()
        for name in templates.keys.sorted() {
            let text = templates[name] ?? ""
            hasher.add(name)
            hasher.add(text)
            do {
                library.register(try MustacheTemplate(string: Theme.escaping + text), named: name)
            } catch {
                throw .template(file: name + ".mustache", message: "\(error)")
            }
        }
        let sortedAssets = assets.keys.sorted().map { (path: $0, data: assets[$0] ?? Data()) }
        for asset in sortedAssets {
            hasher.add(asset.path)
            hasher.add(asset.data)
        }
        hasher.add(wordsData)
        return Theme(library: library, assets: sortedAssets, hash: hasher.hex, words: words, overridden: overridden)
    }

    /// A standalone pragma put in front of every template (it renders as nothing): `{{x}}`
    /// escapes with `HTML.escape` instead of swift-mustache's own escaper, which walks
    /// Characters through a dictionary and was a tenth of a large build's time. Same
    /// characters escaped, plus control characters dropped.
    static let escaping: String = {
        MustacheContentTypes.register(EscapedHTML(), named: "QED_HTML")
        return "{{% CONTENT_TYPE: QED_HTML}}\n"
    }()

    /// Renders the page template `name` (one of `pageTemplates`) with a context.
    func render(_ name: String, _ context: Any) -> String {
        library.render(context, withTemplate: name) ?? ""
    }

    /// Renders a page: natively when its templates are the default theme's, else through the
    /// theme's Mustache templates.
    func render<Page: PageModel>(_ page: Page) -> String {
        guard rendersNatively(Page.template) else { return render(Page.template, page.context) }
        var html = PageHTML()
        page.write(to: &html)
        return html.string
    }

    /// A page of the site made from many notes' summaries, with the key that says whether the
    /// previous build's copy can be kept. Natively written pages are cheap, so they are written
    /// and keyed by their bytes; a Mustache page is keyed by its context and rendered only
    /// when that changed.
    func prepare<Page: PageModel>(_ page: Page) -> PreparedPage {
        var hasher = ContentHasher()
        hasher.add(hash)
        hasher.add(Page.template)
        guard rendersNatively(Page.template) else {
            let context = page.context
            hasher.add(ContextKey.canonical(context))
            return PreparedPage(key: hasher.hex) { render(Page.template, context) }
        }
        let html = render(page)
        hasher.add("native")
        hasher.add(html)
        return PreparedPage(key: hasher.hex) { html }
    }
}

/// A page and the key of what it was made from (see `Theme.prepare`).
struct PreparedPage {
    let key: String
    let html: () -> String
}
