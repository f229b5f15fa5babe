/// The default theme, compiled in so an installed `qed` needs no files beside it.
///
/// SwiftPM embeds the files of `templates/` (linked into this target as `DefaultThemeFiles`)
/// at build time, so `templates/` is the only copy. A file added there must also be listed here;
/// `DefaultThemeTests` fails until it is.
enum DefaultTheme {
    static let files: [(path: String, text: String)] = [
        ("404.mustache", PackageResources._04_mustache),  // SwiftPM turns the leading digit into "_"
        ("footer.mustache", PackageResources.footer_mustache),
        ("head.mustache", PackageResources.head_mustache),
        ("header.mustache", PackageResources.header_mustache),
        ("home.mustache", PackageResources.home_mustache),
        ("note-list.mustache", PackageResources.note_list_mustache),
        ("note.mustache", PackageResources.note_mustache),
        ("search.mustache", PackageResources.search_mustache),
        ("tag.mustache", PackageResources.tag_mustache),
        ("tags.mustache", PackageResources.tags_mustache),
        ("assets/code.js", PackageResources.code_js),
        ("assets/math.css", PackageResources.math_css),
        ("assets/search.js", PackageResources.search_js),
        ("assets/style.css", PackageResources.style_css),
    ].map { ($0.0, String(decoding: $0.1, as: UTF8.self)) }
}
