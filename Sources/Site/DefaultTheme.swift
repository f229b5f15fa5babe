// Generated from templates/ by `QED_UPDATE_THEME=1 swift test --filter DefaultThemeTests`.
// Do not edit: edit templates/ and regenerate.

/// The default theme, compiled in so an installed `qed` needs no files beside it.
enum DefaultTheme {
    static let files: [(path: String, text: String)] = [
        ("404.mustache", #####"""
{{> head}}
<body class="page-404">
{{> header}}
<main class="not-found">
  <h1>Page not found</h1>
  <p>There is no page at this address. Try the <a href="{{homeURL}}">home page</a> or <a href="{{searchURL}}">search</a>.</p>
  <p lang="zh">页面不存在。请返回<a href="{{homeURL}}">首页</a>或<a href="{{searchURL}}">搜索</a>。</p>
</main>
{{> footer}}

"""#####),
        ("footer.mustache", #####"""
<footer class="site-footer">
  <p>Built with QED {{version}}. The claims on these pages were checked when the site was built; ✓ held, ✗ failed.</p>
</footer>
</body>
</html>

"""#####),
        ("head.mustache", #####"""
<!DOCTYPE html>
<html lang="{{lang}}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="color-scheme" content="light dark">
<meta name="generator" content="QED {{version}}">
<title>{{pageTitle}}{{#hasSiteTitle}} · {{siteTitle}}{{/hasSiteTitle}}</title>
{{#hasDescription}}<meta name="description" content="{{description}}">
{{/hasDescription}}<link rel="stylesheet" href="{{assets}}style.css">
<link rel="stylesheet" href="{{assets}}math.css">
</head>

"""#####),
        ("header.mustache", #####"""
<header class="site-header">
  <nav class="site-nav" aria-label="site">
    <a class="site-title" href="{{homeURL}}">{{#hasSiteTitle}}{{siteTitle}}{{/hasSiteTitle}}{{^hasSiteTitle}}QED{{/hasSiteTitle}}</a>
    <span class="site-links">
      <a href="{{tagsURL}}">Tags</a>
      <a href="{{searchURL}}">Search</a>
    </span>
    <form class="site-search" action="{{searchURL}}" method="get" role="search">
      <input type="search" name="q" placeholder="Search / 搜索" aria-label="Search">
    </form>
  </nav>
</header>

"""#####),
        ("home.mustache", #####"""
{{> head}}
<body class="page-home">
{{> header}}
<main class="home">
  <h1>{{#hasSiteTitle}}{{siteTitle}}{{/hasSiteTitle}}{{^hasSiteTitle}}Notes{{/hasSiteTitle}}</h1>
  <p class="totals status-{{totals.status}}">
    <span class="status-badge status-{{totals.status}}">{{totals.mark}}</span>
    {{totals.text}}
  </p>
  {{#domains}}
  <section class="domain">
    <h2 class="domain-title">{{name}} <span class="count">{{count}}</span></h2>
    {{#folders}}
    {{#hasName}}<h3 class="folder-title">{{name}}</h3>{{/hasName}}
    {{> note-list}}
    {{/folders}}
  </section>
  {{/domains}}
  {{^domains}}<p>This vault has no notes yet.</p>{{/domains}}
</main>
{{> footer}}

"""#####),
        ("note-list.mustache", #####"""
<ul class="note-list">
{{#notes}}
  <li class="note-entry status-{{status}}">
    <a class="note-link" href="{{url}}">{{title}}</a>
    <span class="status-badge status-{{status}}" title="{{statusText}}">{{statusMark}}</span>
    {{#hasBrief}}<p class="note-brief">{{brief}}</p>{{/hasBrief}}
  </li>
{{/notes}}
</ul>

"""#####),
        ("note.mustache", #####"""
{{> head}}
<body class="page-note">
{{> header}}
<main class="note">
  <article>
    <header class="note-header">
      <h1 class="note-title">{{note.title}}</h1>
      {{#note.hasBrief}}<p class="note-brief">{{note.brief}}</p>{{/note.hasBrief}}
      <dl class="note-meta">
        {{#note.hasType}}<div><dt>Type</dt><dd>{{note.type}}</dd></div>{{/note.hasType}}
        {{#note.hasDomain}}<div><dt>Domain</dt><dd>{{note.domain}}</dd></div>{{/note.hasDomain}}
        {{#note.hasCreated}}<div><dt>Created</dt><dd><time datetime="{{note.created}}">{{note.created}}</time></dd></div>{{/note.hasCreated}}
        {{#note.hasUpdated}}<div><dt>Updated</dt><dd><time datetime="{{note.updated}}">{{note.updated}}</time></dd></div>{{/note.hasUpdated}}
      </dl>
      {{#note.hasTags}}
      <ul class="tag-list">
        {{#note.tags}}<li><a class="tag" href="{{url}}">#{{name}}</a></li>{{/note.tags}}
      </ul>
      {{/note.hasTags}}
      <p class="verification status-{{verification.status}}">
        <span class="status-badge status-{{verification.status}}">{{verification.mark}}</span>
        {{verification.text}}
      </p>
      {{#hasProblems}}
      <details class="problems"{{#problemsOpen}} open{{/problemsOpen}}>
        <summary>{{problemsText}}</summary>
        <ul>
          {{#problems}}<li class="problem severity-{{severity}}"><span class="where">{{place}}</span> <span class="severity">{{severity}}</span> {{message}}{{#hasHint}} <span class="hint">({{hint}})</span>{{/hasHint}}</li>{{/problems}}
        </ul>
      </details>
      {{/hasProblems}}
    </header>
    <div class="note-body">
{{{body}}}
    </div>
  </article>
  {{#hasBacklinks}}
  <aside class="backlinks" aria-label="Linked from">
    <h2>Linked from</h2>
    <ul>
      {{#backlinks}}<li><a href="{{url}}">{{title}}</a>{{#hasBrief}}<span class="backlink-brief"> — {{brief}}</span>{{/hasBrief}}</li>{{/backlinks}}
    </ul>
  </aside>
  {{/hasBacklinks}}
  <p class="note-source">Source: <code>{{note.path}}</code></p>
</main>
{{> footer}}

"""#####),
        ("search.mustache", #####"""
{{> head}}
<body class="page-search">
{{> header}}
<main class="search">
  <h1>Search</h1>
  <form class="search-form" action="" method="get" role="search">
    <input id="search-input" type="search" name="q" placeholder="Search titles, briefs, tags and text / 搜索" aria-label="Search" autofocus>
  </form>
  <p id="search-status" class="search-status" aria-live="polite"></p>
  <ol id="search-results" class="search-results" data-root="{{root}}"></ol>
  <noscript><p>Search needs JavaScript; the <a href="{{homeURL}}">home page</a> lists every note.</p></noscript>
</main>
<script src="{{searchIndexScript}}"></script>
<script src="{{assets}}search.js"></script>
{{> footer}}

"""#####),
        ("tag.mustache", #####"""
{{> head}}
<body class="page-tag">
{{> header}}
<main class="tag-page">
  <nav class="breadcrumbs" aria-label="tag path"><a href="{{tagsURL}}">Tags</a>{{#tag.ancestors}} / <a href="{{url}}">{{leaf}}</a>{{/tag.ancestors}} / <span>{{tag.leaf}}</span></nav>
  <h1>#{{tag.name}} <span class="count">{{tag.count}}</span></h1>
  {{#tag.hasChildren}}
  <ul class="tag-list">
    {{#tag.children}}<li><a class="tag" href="{{url}}">#{{name}}</a> <span class="count">{{count}}</span></li>{{/tag.children}}
  </ul>
  {{/tag.hasChildren}}
  {{> note-list}}
</main>
{{> footer}}

"""#####),
        ("tags.mustache", #####"""
{{> head}}
<body class="page-tags">
{{> header}}
<main class="tags-index">
  <h1>Tags</h1>
  {{#hasTags}}
  <ul class="tag-tree">
    {{#tags}}<li class="tag-depth-{{depthClass}}" style="--depth: {{depth}}"><a class="tag" href="{{url}}">#{{name}}</a> <span class="count">{{count}}</span></li>{{/tags}}
  </ul>
  {{/hasTags}}
  {{^hasTags}}<p>No note has tags yet.</p>{{/hasTags}}
</main>
{{> footer}}

"""#####),
        ("assets/math.css", #####"""
/* Math rendering for QED pages: MathML Core from the TeXMath module.
   Colours use currentColor so light and dark themes both work. */

math {
  /* An OpenType MATH font where one is installed; `math` is the browser's own choice. */
  font-family: "Latin Modern Math", "STIX Two Math", "Noto Sans Math", "Cambria Math",
    "DejaVu Math TeX Gyre", "Libertinus Math", math;
  font-size: 1.1em;
}

math[display="block"] {
  display: block math;
  margin: 1em 0;
  /* Long display formulas scroll sideways instead of overflowing the column. */
  overflow-x: auto;
  overflow-y: hidden;
  max-width: 100%;
  padding: 0.2em 0;
}

/* Unknown commands and malformed input, shown as their source. */
.qed-math-error {
  color: #c0392b;
  background: rgba(192, 57, 43, 0.1);
  border-bottom: 1px dotted currentColor;
  font-family: ui-monospace, "SFMono-Regular", Menlo, Consolas, monospace;
  font-size: 0.85em;
  font-style: normal;
}
merror.qed-math-error {
  border: none;
  border-bottom: 1px dotted currentColor;
}
@media (prefers-color-scheme: dark) {
  .qed-math-error { color: #ff7b6b; background: rgba(255, 123, 107, 0.15); }
}

/* \boxed */
.qed-boxed {
  border: 0.06em solid currentColor;
  padding: 0.2em 0.3em;
}

/* \cancel, \bcancel, \xcancel, \sout: strokes drawn with gradients in currentColor. */
.qed-cancel, .qed-bcancel, .qed-xcancel, .qed-strike {
  background-repeat: no-repeat;
}
.qed-cancel {
  background-image: linear-gradient(to top right, transparent calc(50% - 0.04em),
    currentColor calc(50% - 0.04em), currentColor calc(50% + 0.04em), transparent calc(50% + 0.04em));
}
.qed-bcancel {
  background-image: linear-gradient(to bottom right, transparent calc(50% - 0.04em),
    currentColor calc(50% - 0.04em), currentColor calc(50% + 0.04em), transparent calc(50% + 0.04em));
}
.qed-xcancel {
  background-image:
    linear-gradient(to top right, transparent calc(50% - 0.04em), currentColor calc(50% - 0.04em),
      currentColor calc(50% + 0.04em), transparent calc(50% + 0.04em)),
    linear-gradient(to bottom right, transparent calc(50% - 0.04em), currentColor calc(50% - 0.04em),
      currentColor calc(50% + 0.04em), transparent calc(50% + 0.04em));
}
.qed-strike {
  background-image: linear-gradient(transparent calc(50% - 0.04em), currentColor calc(50% - 0.04em),
    currentColor calc(50% + 0.04em), transparent calc(50% + 0.04em));
}

/* Text styles inside \text-like commands. */
mtext.qed-text-bold { font-weight: bold; }
mtext.qed-text-italic { font-style: italic; }
mtext.qed-text-sans { font-family: system-ui, sans-serif; }
mtext.qed-text-mono { font-family: ui-monospace, Menlo, Consolas, monospace; }

/* Tables: Chromium ignores columnalign, so cells are aligned by class. */
mtable { border-collapse: collapse; }
mtd { padding: 0.15em 0.5em; }
mtd.qed-align-l { text-align: left; }
/* Chromium lays mtd out as a math row and honours only -webkit-right for right alignment. */
mtd.qed-align-r { text-align: right; text-align: -webkit-right; }
mtd.qed-border-l { border-left: 0.06em solid currentColor; }
mtd.qed-border-r { border-right: 0.06em solid currentColor; }
mtr.qed-hline-above > mtd { border-top: 0.06em solid currentColor; }
mtr.qed-hline-below > mtd { border-bottom: 0.06em solid currentColor; }

/* aligned/align/split: r|l pairs touch (the relation sits between them), pairs are spaced. */
mtable.qed-aligned > mtr > mtd { padding: 0.25em 0; }
mtable.qed-aligned > mtr > mtd.qed-align-l + mtd.qed-align-r { padding-left: 2em; }
mtable.qed-gathered > mtr > mtd { padding: 0.25em 0; }

/* cases: a quad between value and condition. */
mtable.qed-cases > mtr > mtd { padding: 0.15em 0; }
mtable.qed-cases > mtr > mtd + mtd { padding-left: 1em; }

/* \substack under a sum: tight rows. */
mtable.qed-substack > mtr > mtd { padding: 0; }

/* \overline and \underline: Chromium does not widen U+203E/U+005F, so draw the rule. */
.qed-overline { border-top: 0.06em solid currentColor; padding-top: 0.08em; }
.qed-underline { border-bottom: 0.06em solid currentColor; padding-bottom: 0.08em; }

/* Matrices: TeX's 1em between columns and none at the outer edges (next to the fences). */
mtable.qed-matrix > mtr > mtd, mtable.qed-array > mtr > mtd { padding: 0.1em 0.5em; }
mtable.qed-matrix > mtr > mtd:first-child { padding-left: 0.15em; }
mtable.qed-matrix > mtr > mtd:last-child { padding-right: 0.15em; }

"""#####),
        ("assets/search.js", #####"""
// QED search: substring search over the index that search-index.js assigns to
// window.QED_SEARCH_INDEX. Runs offline and from file:// (no fetch). Chinese text needs no
// word splitting: every query term must occur somewhere in the note, as a substring.
(function () {
  "use strict";
  var index = window.QED_SEARCH_INDEX || { notes: [] };
  var input = document.getElementById("search-input");
  var list = document.getElementById("search-results");
  var status = document.getElementById("search-status");
  if (!input || !list || !status) return;
  var root = list.getAttribute("data-root") || "";

  function fold(text) { return String(text || "").toLowerCase(); }
  var prepared = index.notes.map(function (note) {
    return {
      note: note,
      title: fold(note.title),
      tags: fold((note.tags || []).join(" ")),
      brief: fold(note.brief),
      text: fold(note.text)
    };
  });

  function score(entry, terms) {
    var total = 0;
    for (var i = 0; i < terms.length; i++) {
      var term = terms[i], best = 0;
      if (entry.title.indexOf(term) >= 0) best = 8;
      else if (entry.tags.indexOf(term) >= 0) best = 4;
      else if (entry.brief.indexOf(term) >= 0) best = 2;
      else if (entry.text.indexOf(term) >= 0) best = 1;
      if (best === 0) return 0;
      total += best;
    }
    return total;
  }

  function snippet(note, terms) {
    var text = String(note.text || "");
    var lower = text.toLowerCase();
    for (var i = 0; i < terms.length; i++) {
      var at = lower.indexOf(terms[i]);
      if (at >= 0) {
        var start = Math.max(0, at - 40);
        return (start > 0 ? "…" : "") + text.slice(start, at + terms[i].length + 80) + "…";
      }
    }
    return note.brief || "";
  }

  function render(query) {
    while (list.firstChild) list.removeChild(list.firstChild);
    var terms = fold(query).split(/\s+/).filter(function (t) { return t.length > 0; });
    if (terms.length === 0) { status.textContent = index.notes.length + " notes. Type to search."; return; }
    var hits = [];
    prepared.forEach(function (entry, order) {
      var s = score(entry, terms);
      if (s > 0) hits.push({ entry: entry, score: s, order: order });
    });
    hits.sort(function (a, b) { return b.score - a.score || a.order - b.order; });
    status.textContent = hits.length === 0 ? "No results for “" + query + "”." :
      hits.length + (hits.length === 1 ? " result" : " results") + " for “" + query + "”.";
    hits.slice(0, 100).forEach(function (hit) {
      var note = hit.entry.note;
      var item = document.createElement("li");
      item.className = "search-result status-" + note.status;
      var link = document.createElement("a");
      link.href = root + note.url;
      link.textContent = note.title;
      item.appendChild(link);
      var path = document.createElement("span");
      path.className = "search-path";
      path.textContent = " " + note.path;
      item.appendChild(path);
      var text = document.createElement("p");
      text.className = "search-snippet";
      text.textContent = snippet(note, terms);
      item.appendChild(text);
      list.appendChild(item);
    });
  }

  var query = new URLSearchParams(window.location.search).get("q") || "";
  input.value = query;
  render(query);
  input.addEventListener("input", function () {
    render(input.value);
    if (window.history && window.history.replaceState && window.location.protocol !== "file:") {
      var url = new URL(window.location.href);
      if (input.value) url.searchParams.set("q", input.value); else url.searchParams.delete("q");
      window.history.replaceState(null, "", url.toString());
    }
  });
})();

"""#####),
        ("assets/style.css", #####"""
/* QED default theme. No web fonts, no network: system fonts for Latin and CJK text. */
:root {
  --bg: #fdfdfb;
  --fg: #1f2328;
  --muted: #5b636d;
  --rule: #d8dce0;
  --accent: #1a5fb4;
  --accent-visited: #6b3fa0;
  --code-bg: #f3f4f6;
  --panel: #f6f8fa;
  --pass: #1a7f37;
  --pass-bg: #e6f4ea;
  --fail: #c62828;
  --fail-bg: #fdecea;
  --warn: #9a6700;
  --warn-bg: #fff8e1;
  --tok-keyword: #8250df;
  --tok-number: #0a6a8a;
  --tok-string: #0a7a3a;
  --tok-comment: #6e7781;
  --tok-operator: #a0456b;
  --tok-function: #1a5fb4;
  --measure: 46rem;
  color-scheme: light dark;
}
@media (prefers-color-scheme: dark) {
  :root {
    --bg: #16181c;
    --fg: #e3e6ea;
    --muted: #9aa4af;
    --rule: #343a42;
    --accent: #78aeff;
    --accent-visited: #c3a2f2;
    --code-bg: #20242a;
    --panel: #1d2126;
    --pass: #5cc77a;
    --pass-bg: #16301e;
    --fail: #ff7b72;
    --fail-bg: #3a1a1a;
    --warn: #e3b341;
    --warn-bg: #33290f;
    --tok-keyword: #d2a8ff;
    --tok-number: #79c0ff;
    --tok-string: #7ee787;
    --tok-comment: #8b949e;
    --tok-operator: #ff9bce;
    --tok-function: #a5d6ff;
  }
}

*, *::before, *::after { box-sizing: border-box; }
html { -webkit-text-size-adjust: 100%; text-size-adjust: 100%; }
body {
  margin: 0;
  background: var(--bg);
  color: var(--fg);
  font-family: system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial,
    "PingFang SC", "Hiragino Sans GB", "Noto Sans CJK SC", "Source Han Sans SC",
    "Microsoft YaHei", "WenQuanYi Micro Hei", sans-serif;
  font-size: 1.0625rem;
  line-height: 1.75;
  overflow-wrap: break-word;
  word-break: normal;
  line-break: strict;
}
body:lang(zh) { line-height: 1.85; }
main { max-width: var(--measure); margin: 0 auto; padding: 1.5rem 1.25rem 3rem; }
a { color: var(--accent); text-decoration-thickness: 0.06em; text-underline-offset: 0.18em; }
a:visited { color: var(--accent-visited); }
h1, h2, h3, h4 { line-height: 1.35; margin: 2rem 0 0.75rem; font-weight: 650; }
h1 { font-size: 1.9rem; margin-top: 0.5rem; }
h2 { font-size: 1.45rem; padding-bottom: 0.25rem; border-bottom: 1px solid var(--rule); }
h3 { font-size: 1.2rem; }
h4 { font-size: 1.05rem; }
.note-body h1:first-child { display: none; } /* the page header already shows the title */
.note-body h1, .note-body h2, .note-body h3, .note-body h4, .note-body h5, .note-body h6 { position: relative; }
.heading-anchor { position: absolute; left: -1.1em; width: 1.1em; color: var(--muted); text-decoration: none;
  opacity: 0; font-weight: 400; }
.heading-anchor::before { content: "#"; }
h1:hover .heading-anchor, h2:hover .heading-anchor, h3:hover .heading-anchor,
h4:hover .heading-anchor, h5:hover .heading-anchor, h6:hover .heading-anchor, .heading-anchor:focus { opacity: 1; }
p, ul, ol, table, pre, blockquote, figure { margin: 0 0 1rem; }
ul, ol { padding-left: 1.5rem; }
li + li { margin-top: 0.2rem; }
blockquote { margin-left: 0; padding: 0.25rem 1rem; border-left: 4px solid var(--rule); color: var(--muted); }
hr { border: 0; border-top: 1px solid var(--rule); margin: 2rem 0; }
img, svg, video { max-width: 100%; height: auto; }
table { border-collapse: collapse; display: block; overflow-x: auto; max-width: 100%; }
th, td { border: 1px solid var(--rule); padding: 0.3rem 0.6rem; text-align: left; }
code, pre, kbd { font-family: ui-monospace, "SFMono-Regular", "JetBrains Mono", Menlo, Consolas,
  "Liberation Mono", "Noto Sans Mono CJK SC", monospace; font-size: 0.88em; }
:not(pre) > code { background: var(--code-bg); padding: 0.1em 0.35em; border-radius: 4px; }
pre { background: var(--code-bg); padding: 0.8rem 1rem; border-radius: 6px; overflow-x: auto; line-height: 1.5; }
pre code { background: none; padding: 0; font-size: 0.86rem; }

/* Header, footer */
.site-header { border-bottom: 1px solid var(--rule); background: var(--panel); }
.site-nav { max-width: var(--measure); margin: 0 auto; padding: 0.6rem 1.25rem; display: flex;
  flex-wrap: wrap; align-items: center; gap: 0.5rem 1rem; }
.site-title { font-weight: 700; color: var(--fg); text-decoration: none; margin-right: auto; }
.site-title:visited { color: var(--fg); }
.site-links a { margin-right: 0.75rem; }
.site-search input, .search-form input { font: inherit; font-size: 0.95rem; padding: 0.25rem 0.5rem;
  border: 1px solid var(--rule); border-radius: 6px; background: var(--bg); color: var(--fg); width: 12rem; max-width: 100%; }
.search-form input { width: 100%; padding: 0.5rem 0.75rem; font-size: 1.05rem; }
.site-footer { max-width: var(--measure); margin: 0 auto; padding: 1rem 1.25rem 2rem; color: var(--muted);
  font-size: 0.85rem; border-top: 1px solid var(--rule); }

/* Note header */
.note-brief { color: var(--muted); font-size: 1.02rem; }
.note-header .note-brief { font-size: 1.08rem; margin-top: -0.25rem; }
.note-meta { display: flex; flex-wrap: wrap; gap: 0.25rem 1.25rem; margin: 0 0 0.5rem; font-size: 0.88rem; color: var(--muted); }
.note-meta div { display: flex; gap: 0.35rem; }
.note-meta dt { font-weight: 600; }
.note-meta dd { margin: 0; }
.tag-list { list-style: none; padding: 0; display: flex; flex-wrap: wrap; gap: 0.4rem; margin: 0 0 1rem; }
.tag-list li { margin: 0; }
.tag { display: inline-block; font-size: 0.85rem; padding: 0 0.55rem; border-radius: 999px;
  background: var(--panel); border: 1px solid var(--rule); text-decoration: none; line-height: 1.7; }
.count { color: var(--muted); font-size: 0.8em; font-weight: 400; }
.verification { padding: 0.45rem 0.8rem; border-radius: 6px; background: var(--panel); font-size: 0.95rem; }
.verification.status-verified { background: var(--pass-bg); }
.verification.status-failed { background: var(--fail-bg); }
.status-badge { display: inline-block; min-width: 1.3em; text-align: center; font-weight: 700; }
.status-badge.status-verified { color: var(--pass); }
.status-badge.status-failed { color: var(--fail); }
.status-badge.status-unverified { color: var(--muted); }
.problems { border: 1px solid var(--fail); border-radius: 6px; padding: 0.4rem 0.8rem; margin-bottom: 1rem; font-size: 0.9rem; }
.problems summary { cursor: pointer; font-weight: 600; color: var(--fail); }
.problems ul { margin: 0.5rem 0 0; }
.problem .severity { font-weight: 600; }
.problem.severity-error .severity { color: var(--fail); }
.problem.severity-warning .severity { color: var(--warn); }
.problem .where { font-family: ui-monospace, monospace; font-size: 0.85em; color: var(--muted); }
.hint { color: var(--muted); }
.note-source { color: var(--muted); font-size: 0.85rem; margin-top: 2rem; }

/* Links */
.broken-link { color: var(--fail); text-decoration: underline wavy var(--fail); text-underline-offset: 0.2em; cursor: help; }
.embed-card { display: block; border: 1px solid var(--rule); border-left: 4px solid var(--accent);
  border-radius: 6px; padding: 0.6rem 0.9rem; margin: 0 0 1rem; text-decoration: none; color: var(--fg); background: var(--panel); }
.embed-card:visited { color: var(--fg); }
.embed-card .embed-title { display: block; font-weight: 650; color: var(--accent); }
.embed-card .embed-brief { display: block; color: var(--muted); font-size: 0.92rem; }
.embed-card.broken-link { border-left-color: var(--fail); }

/* Cells */
.cell { margin: 0 0 1.25rem; border: 1px solid var(--rule); border-radius: 8px; overflow: hidden; }
.cell .cell-code { margin: 0; border-radius: 0; border-bottom: 1px solid var(--rule); }
.cell-outputs { padding: 0.5rem 0.9rem; display: flex; flex-direction: column; gap: 0.35rem; }
.cell-outputs:empty { display: none; }
.output { font-family: ui-monospace, "SFMono-Regular", Menlo, Consolas, monospace; font-size: 0.88rem; overflow-x: auto; }
.output .unit { color: var(--muted); }
.output-label { color: var(--muted); margin-right: 0.5em; }
.output table { font-size: 0.85rem; margin: 0.25rem 0; }
.output td { text-align: right; font-variant-numeric: tabular-nums; }
.output-plot { margin: 0.25rem 0; }
.output-plot svg { display: block; width: 100%; max-width: 40rem; height: auto; color: var(--fg); }
.output-plot svg path { fill: none; }
.claim { font-size: 0.9rem; padding: 0.2rem 0.5rem; border-radius: 4px; }
.claim code { background: none; padding: 0; }
.claim-pass { background: var(--pass-bg); }
.claim-fail { background: var(--fail-bg); }
.claim .badge { font-weight: 700; margin-right: 0.35em; }
.claim-pass .badge { color: var(--pass); }
.claim-fail .badge { color: var(--fail); }
.claim-message { color: var(--muted); margin-left: 0.5em; }
.claim-fail .claim-message { color: var(--fail); display: block; white-space: pre-wrap; }
.cell-error { font-size: 0.9rem; color: var(--fail); background: var(--fail-bg); padding: 0.2rem 0.5rem; border-radius: 4px; white-space: pre-wrap; }
.cell-error.expected { color: var(--muted); background: var(--panel); }
.cell-error .hint { display: block; color: var(--muted); }
.cell-error .hint::before { content: "hint: "; }
.cell-skipped { font-size: 0.85rem; color: var(--muted); }
.inline-value { font-variant-numeric: tabular-nums; background: var(--pass-bg); padding: 0 0.25em; border-radius: 3px; }
.inline-error { color: var(--fail); background: var(--fail-bg); padding: 0 0.25em; border-radius: 3px; cursor: help; }
.tok-keyword { color: var(--tok-keyword); font-weight: 600; }
.tok-number { color: var(--tok-number); }
.tok-string { color: var(--tok-string); }
.tok-comment { color: var(--tok-comment); font-style: italic; }
.tok-operator { color: var(--tok-operator); }
.tok-function { color: var(--tok-function); }
.tok-error { color: var(--fail); text-decoration: underline wavy; }

/* Math (see math.css for the MathML font rules) */
.math-display { margin: 0.75rem 0 1rem; overflow-x: auto; overflow-y: hidden; }
.math-display > math[display="block"] { margin: 0; }
.math-error { color: var(--fail); }

/* Backlinks */
.backlinks { margin-top: 2.5rem; padding: 0.75rem 1rem; background: var(--panel); border-radius: 8px; }
.backlinks h2 { font-size: 1.05rem; margin: 0 0 0.5rem; border: 0; padding: 0; }
.backlinks ul { margin: 0; }
.backlink-brief { color: var(--muted); font-size: 0.9rem; }

/* Home, tags, search */
.totals { font-size: 1rem; padding: 0.45rem 0.8rem; border-radius: 6px; background: var(--panel); }
.totals.status-verified { background: var(--pass-bg); }
.totals.status-failed { background: var(--fail-bg); }
.domain-title { font-size: 1.3rem; }
.folder-title { font-size: 1rem; color: var(--muted); margin: 1rem 0 0.25rem; font-weight: 600; }
.note-list { list-style: none; padding: 0; }
.note-entry { padding: 0.4rem 0; border-bottom: 1px solid var(--rule); }
.note-entry .note-link { font-weight: 600; }
.note-entry .note-brief { margin: 0.1rem 0 0; font-size: 0.92rem; display: -webkit-box;
  -webkit-line-clamp: 2; line-clamp: 2; -webkit-box-orient: vertical; overflow: hidden; }
.tag-tree { list-style: none; padding: 0; }
.tag-tree li { padding-left: calc(var(--depth, 0) * 1.5rem); }
.breadcrumbs { font-size: 0.9rem; color: var(--muted); }
.search-status { color: var(--muted); }
.search-results { padding-left: 1.5rem; }
.search-result a { font-weight: 600; }
.search-path { color: var(--muted); font-size: 0.8rem; }
.search-snippet { margin: 0.1rem 0 0.6rem; font-size: 0.92rem; color: var(--muted); }

@media (max-width: 600px) {
  body { font-size: 1rem; }
  main { padding: 1rem 0.9rem 2rem; }
  h1 { font-size: 1.55rem; }
  h2 { font-size: 1.25rem; }
  .site-search { width: 100%; }
  .site-search input { width: 100%; }
  pre { padding: 0.6rem 0.7rem; }
  .heading-anchor { display: none; }
}

@media print {
  :root { --bg: #fff; --fg: #000; --muted: #444; --panel: #fff; --code-bg: #f5f5f5; }
  .site-header, .site-footer, .site-search, .heading-anchor, .search-form { display: none !important; }
  body { font-size: 11pt; line-height: 1.6; }
  main { max-width: none; padding: 0; }
  a { color: inherit; text-decoration: underline; }
  pre, .cell, table, figure, .math-display { break-inside: avoid; }
  pre, .output { white-space: pre-wrap; overflow: visible; }
  h1, h2, h3 { break-after: avoid; }
  .problems { border-color: #000; }
  .problems[open] ul, details { display: block; }
}

"""#####),
    ]
}
