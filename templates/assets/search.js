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
