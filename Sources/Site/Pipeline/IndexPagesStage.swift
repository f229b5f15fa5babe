import Foundation
import Storage
import Verification

/// The pages about many notes (home, tags, each tag, search, 404), the search index, the
/// sitemap, the theme's assets and the vault's media. Each is made only when what it shows
/// changed; every file's key goes into `keys` for the next build.
struct IndexPagesStage: Sendable {
    let plan: SitePlan
    let summaries: [NoteSummary]
    /// Changes when any note's summary may have changed (their verification keys).
    let summariesKey: String
    let sink: any SiteSink
    let jobs: Int

    /// The files made (not taken over), and every file's key by output path.
    struct Output {
        var rendered: [String] = []
        var keys: [String: String] = [:]
    }

    func run() throws(BuildError) -> Output {
        var output = Output()
        let listings = summaries.map(\.listingKey)
        try make(SitePaths.home, key: homeKey(listings), into: &output) { () throws(BuildError) in
            try sink.write(SitePaths.home, plan.theme.render(plan.pages.home(summaries)))
        }
        let tree = TagTree(tagsPerNote: summaries.map { $0.tags })
        try page(SitePaths.tagsIndex, plan.pages.tagsIndex(tree), into: &output)
        try tagPages(tree, listings: listings, into: &output)
        try page(SitePaths.search, plan.pages.search(), into: &output)
        try page(SitePaths.notFound, plan.pages.notFound(baseURL: plan.baseURL), into: &output)
        let notes = summaries
        try derived([SitePaths.searchIndexJSON, SitePaths.searchIndexScript], into: &output) {
            SearchIndex.write(notes, forms: [.json, .script], to: $0)
        }
        let sitemapPages = [SitePaths.home, SitePaths.tagsIndex] + summaries.map { $0.page }
            + tree.tags.map { SitePaths.page(forTag: $0.name) }
        let baseURL = plan.baseURL
        var sitemapKey = ContentHasher()
        for part in ["sitemap", baseURL ?? ""] + sitemapPages { sitemapKey.add(part) }
        try make(SitePaths.sitemap, key: sitemapKey.hex, into: &output,
                 counted: false) { () throws(BuildError) in
            try sink.write(SitePaths.sitemap, deferred: { Data(Sitemap.xml(pages: sitemapPages, baseURL: baseURL).utf8) })
        }
        for asset in plan.theme.assets {
            try file(SitePaths.assetsFolder + "/" + asset.path, asset.data, into: &output)
        }
        try media(into: &output)
        return output
    }

    /// A page made from its model, keyed by what it is made from (`Theme.prepare`).
    private func page(_ path: String, _ model: some PageModel, into output: inout Output) throws(BuildError) {
        let page = plan.theme.prepare(model)
        try make(path, key: page.key, into: &output) { () throws(BuildError) in
            try sink.write(path, page.html())
        }
    }

    /// A file given as bytes, keyed by them.
    private func file(_ path: String, _ data: Data, into output: inout Output) throws(BuildError) {
        var hasher = ContentHasher()
        hasher.add(data)
        let key = hasher.hex
        output.keys[path] = key
        if sink.reuse(path, key: key) { return }
        try sink.write(path, data)
    }

    /// A file made from the notes' summaries, which their verification keys determine.
    private func derived(_ paths: [String], into output: inout Output, _ produce: @escaping Producer) throws(BuildError) {
        for path in paths { output.keys[path] = summariesKey }
        if paths.allSatisfy({ sink.reuse($0, key: summariesKey) }) { return }
        try sink.write(paths, streaming: produce)
    }

    /// Puts the file at `path` unless the previous one has the same key; `counted`: it is a
    /// page, listed among those rendered.
    private func make(_ path: String, key: String, into output: inout Output, counted: Bool = true,
                      _ body: () throws(BuildError) -> Void) throws(BuildError) {
        output.keys[path] = key
        if sink.reuse(path, key: key) { return }
        try body()
        if counted { output.rendered.append(path) }
    }

    /// Tag pages are many and each lists many notes: decide from a light signature of what
    /// the page shows before building its context, then render the stale ones in parallel.
    private func tagPages(_ tree: TagTree, listings: [String], into output: inout Output) throws(BuildError) {
        let tagKeys = tree.tags.map { tag -> (path: String, key: String) in
            (SitePaths.page(forTag: tag.name), tagKey(tag, tree: tree, listings: listings))
        }
        var stale: [Int] = []
        for (i, entry) in tagKeys.enumerated() {
            output.keys[entry.path] = entry.key
            if !sink.reuse(entry.path, key: entry.key) { stale.append(i) }
        }
        let failures = stale.concurrentMap(jobs: max(1, jobs)) { i -> BuildError? in
            do throws(BuildError) {
                try sink.write(tagKeys[i].path, plan.theme.render(plan.pages.tag(tree.tags[i], tree: tree, notes: summaries)))
                return nil
            } catch {
                return error
            }
        }
        if let failure = failures.lazy.compactMap({ $0 }).first { throw failure }
        output.rendered += stale.map { tagKeys[$0].path }
    }

    /// What a tag page shows: the tag, its children's counts, and each member's entry.
    private func tagKey(_ tag: TagTree.Tag, tree: TagTree, listings: [String]) -> String {
        var hasher = ContentHasher()
        hasher.add(plan.theme.hash)
        hasher.add(plan.pages.key)
        hasher.add(tag.name)
        for child in tag.children { hasher.add(child + "\u{1F}" + String(tree[child]?.all.count ?? 0)) }
        for member in tag.all where listings.indices.contains(member) { hasher.add(listings[member]) }
        return hasher.hex
    }

    /// What the home page shows: every note's entry (grouped by domain and folder) and the totals.
    private func homeKey(_ listings: [String]) -> String {
        var hasher = ContentHasher()
        hasher.add(plan.theme.hash)
        hasher.add("home")
        hasher.add(plan.pages.key)
        for listing in listings { hasher.add(listing) }
        return hasher.hex
    }

    /// The media the vault walk found (so `ignore:` applies), at their vault paths.
    private func media(into output: inout Output) throws(BuildError) {
        let vault = plan.vault
        for path in vault.files where !path.hasPrefix(SitePaths.generatedFolder + "/") {
            let absolute = vault.root + "/" + path
            var info = stat()
            guard stat(absolute, &info) == 0 else { continue }
            let key = ContentHasher.hash("media", "\(info.st_size):\(info.st_mtim.tv_sec).\(info.st_mtim.tv_nsec)")
            output.keys[path] = key
            if sink.reuse(path, key: key) { continue }
            try sink.copy(absolute, to: path)
        }
    }
}

extension NoteSummary {
    /// Everything a list of notes (home, tag pages) shows of this one: a page listing notes is
    /// rendered again exactly when one of its entries' keys changes.
    var listingKey: String {
        var hasher = ContentHasher()
        for field in [path, page, title, brief, domain, status.rawValue] { hasher.add(field) }
        for count in [claims, failedClaims, notRunClaims, verifiedFormulas, failedFormulas,
                      diagnostics.count { $0.severity == .error }] {
            hasher.add(String(count))
        }
        return hasher.hex
    }
}
