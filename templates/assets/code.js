// QED code blocks: highlight.js (when the site has it) colours fenced code in other
// languages, and every code block gets a copy button. Without scripts the code reads the same,
// plain, with no button. ```qed cells are highlighted by QED itself and left alone here.
(function () {
  "use strict";
  var script = document.currentScript;
  var copyText = (script && script.getAttribute("data-copy")) || "Copy";
  var copiedText = (script && script.getAttribute("data-copied")) || "Copied";
  var hljs = window.hljs;
  var blocks = document.querySelectorAll("pre > code");
  for (var i = 0; i < blocks.length; i++) {
    var code = blocks[i];
    var match = /(?:^|\s)language-([\w+#-]+)/.exec(code.className);
    var language = match ? match[1].toLowerCase() : "";
    if (hljs && language && language !== "qed" && hljs.getLanguage(language)) {
      hljs.highlightBlock(code);
    }
    addCopyButton(code.parentNode, code);
  }

  function addCopyButton(pre, code) {
    if (!navigator.clipboard && !document.queryCommandSupported) return;
    var button = document.createElement("button");
    button.type = "button";
    button.className = "copy-button";
    button.textContent = copyText;
    button.setAttribute("aria-label", copyText);
    button.addEventListener("click", function () {
      var text = code.textContent;
      var done = function () {
        button.textContent = copiedText;
        setTimeout(function () { button.textContent = copyText; }, 1500);
      };
      if (navigator.clipboard && window.isSecureContext) {
        navigator.clipboard.writeText(text).then(done, function () { fallback(text) && done(); });
      } else if (fallback(text)) {
        done();
      }
    });
    var wrapper = document.createElement("div");
    wrapper.className = "code-block";
    pre.parentNode.insertBefore(wrapper, pre);
    wrapper.appendChild(pre);
    wrapper.appendChild(button);
  }

  // file:// pages are not a secure context: copy through a hidden text area.
  function fallback(text) {
    var area = document.createElement("textarea");
    area.value = text;
    area.setAttribute("readonly", "");
    area.style.position = "fixed";
    area.style.opacity = "0";
    document.body.appendChild(area);
    area.select();
    var ok = false;
    try { ok = document.execCommand("copy"); } catch (e) { ok = false; }
    document.body.removeChild(area);
    return ok;
  }
})();
