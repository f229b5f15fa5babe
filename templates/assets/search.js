// QED search: substring search over the index that search-index.js assigns to
// window.QED_SEARCH_INDEX. Runs offline and from file:// (no fetch). Chinese text needs no
// word splitting: every query term must occur somewhere in the note, as a substring.
// Results are built as DOM nodes (textContent), never as HTML, so note text cannot inject markup.
(function () {
  "use strict";
  var index = window.QED_SEARCH_INDEX || { notes: [] };
  var input = document.getElementById("search-input");
  var list = document.getElementById("search-results");
  var status = document.getElementById("search-status");
  if (!input || !list || !status) return;
  var root = list.getAttribute("data-root") || "";
  function word(name, fallback) { return list.getAttribute("data-" + name) || fallback; }
  var messages = {
    count: word("count", "{n} notes. Type to search."),
    none: word("none", "No results for “{q}”."),
    one: word("one", "1 result for “{q}”."),
    many: word("many", "{n} results for “{q}”.")
  };
  function say(template, n, q) {
    return template.replace("{n}", String(n)).replace("{q}", q);
  }

  function fold(text) { return String(text || "").toLowerCase(); }
  var prepared = index.notes.map(function (note) {
    return {
      note: note,
      title: fold(note.title),
      headings: fold((note.headings || []).join("\n")),
      tags: fold((note.tags || []).join(" ")),
      brief: fold(note.brief),
      text: fold(note.text)
    };
  });

  // Query terms: TeX commands lose their backslash (the index holds formulas as text, so
  // "\frac" must not match every note that has a fraction); terms of punctuation alone are
  // dropped (a lone "\" or "$" would match everything).
  function termsOf(query) {
    return fold(query).split(/\s+/).map(function (t) {
      return t.replace(/^[\\$]+/, "").replace(/\$+$/, "");
    }).filter(function (t) {
      return t.length > 0 && !/^[\s!-\/:-@\[-`{-~]+$/.test(t);
    });
  }

  // Where a term is found decides its weight: title, then headings, tags, brief, body.
  function score(entry, terms) {
    var total = 0;
    for (var i = 0; i < terms.length; i++) {
      var term = terms[i], best = 0;
      if (entry.title.indexOf(term) >= 0) best = entry.title === term ? 32 : 16;
      else if (entry.headings.indexOf(term) >= 0) best = 8;
      else if (entry.tags.indexOf(term) >= 0) best = 4;
      else if (entry.brief.indexOf(term) >= 0) best = 3;
      else if (entry.text.indexOf(term) >= 0) best = 1;
      if (best === 0) return 0;
      total += best;
    }
    return total;
  }

  // The text around the first term found, or the brief.
  function snippet(note, terms) {
    var text = String(note.text || "");
    var lower = text.toLowerCase();
    for (var i = 0; i < terms.length; i++) {
      var at = lower.indexOf(terms[i]);
      if (at >= 0) {
        var start = Math.max(0, at - 40);
        var end = Math.min(text.length, at + terms[i].length + 80);
        return (start > 0 ? "…" : "") + text.slice(start, end) + (end < text.length ? "…" : "");
      }
    }
    return note.brief || "";
  }

  // Appends `text` to `parent`, each occurrence of a term wrapped in <mark>.
  function appendMarked(parent, text, terms) {
    var lower = text.toLowerCase();
    var at = 0;
    while (at < text.length) {
      var next = -1, length = 0;
      for (var i = 0; i < terms.length; i++) {
        var found = lower.indexOf(terms[i], at);
        if (found >= 0 && (next < 0 || found < next || (found === next && terms[i].length > length))) {
          next = found;
          length = terms[i].length;
        }
      }
      if (next < 0) break;
      if (next > at) parent.appendChild(document.createTextNode(text.slice(at, next)));
      var mark = document.createElement("mark");
      mark.textContent = text.slice(next, next + length);
      parent.appendChild(mark);
      at = next + length;
    }
    if (at < text.length) parent.appendChild(document.createTextNode(text.slice(at)));
  }

  function render(query) {
    while (list.firstChild) list.removeChild(list.firstChild);
    var terms = termsOf(query);
    if (terms.length === 0) { status.textContent = say(messages.count, index.notes.length, ""); return; }
    var hits = [];
    prepared.forEach(function (entry, order) {
      var s = score(entry, terms);
      if (s > 0) hits.push({ entry: entry, score: s, order: order });
    });
    hits.sort(function (a, b) { return b.score - a.score || a.order - b.order; });
    var shown = query.trim();
    status.textContent = say(hits.length === 0 ? messages.none : hits.length === 1 ? messages.one : messages.many,
                             hits.length, shown);
    hits.slice(0, 100).forEach(function (hit) {
      var note = hit.entry.note;
      var item = document.createElement("li");
      item.className = "search-result status-" + note.status;
      var link = document.createElement("a");
      link.href = root + note.url;
      appendMarked(link, String(note.title || ""), terms);
      item.appendChild(link);
      var path = document.createElement("span");
      path.className = "search-path";
      path.textContent = note.path;
      item.appendChild(path);
      var text = document.createElement("p");
      text.className = "search-snippet";
      appendMarked(text, snippet(note, terms), terms);
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
