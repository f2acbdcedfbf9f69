/// The inline style sheet and script of the HTML diff page (no network, no libraries).
enum DiffHTMLAssets {
    /// The page's CSS.
    static let css = """
        body { font-family: Helvetica, Arial, sans-serif; margin: 16px; color: #222; background: #fff; }
        h1 { font-size: 20px; margin: 0 0 8px; }
        h2 { font-size: 16px; margin: 16px 0 8px; }
        pre { font-family: Menlo, Consolas, monospace; font-size: 12px; }
        pre.summary { background: #f7f7f7; padding: 8px; border: 1px solid #ddd; white-space: pre-wrap; }
        .row { display: flex; gap: 12px; align-items: flex-start; }
        .diagram { flex: 1 1 auto; overflow: auto; max-height: 80vh; border: 1px solid #ddd; }
        .panel { flex: 0 0 520px; border: 1px solid #ddd; padding: 8px; max-height: 80vh; overflow: auto; }
        .panel .hint, .panel .none { color: #777; }
        .cols { display: flex; gap: 8px; }
        .col { flex: 1 1 50%; min-width: 0; }
        .col pre { white-space: pre-wrap; word-break: break-word; margin: 0; }
        .col span { display: block; }
        .col.before span.diff { background: #fde2e2; }
        .col.after span.diff { background: #dcf5dc; }
        ul.changes { padding-left: 18px; font-family: Menlo, Consolas, monospace; font-size: 12px; }
        g.node { cursor: pointer; }
        g.node.selected rect { stroke: #1565c0; stroke-width: 3; }
        """

    /// The page's script: clicking a node fills its section's panel.
    static let script = """
        (function () {
          "use strict";
          var sections = JSON.parse(document.getElementById("diff-data").textContent);
          function escapeText(text) {
            return String(text).replace(/[&<>"]/g, function (c) {
              return { "&": "&amp;", "<": "&lt;", ">": "&gt;", "\\"": "&quot;" }[c];
            });
          }
          function column(side, lines, other) {
            var html = '<div class="col ' + side + '"><h3>' + side + "</h3>";
            if (!lines) { return html + '<p class="none">(not in this version)</p></div>'; }
            var seen = {};
            (other || []).forEach(function (line) { seen[line] = true; });
            return html + "<pre>" + lines.map(function (line) {
              return '<span class="' + (seen[line] ? "same" : "diff") + '">' + escapeText(line) + "</span>";
            }).join("") + "</pre></div>";
          }
          function show(section, index) {
            var node = sections[Number(section.getAttribute("data-section"))].nodes[index];
            section.querySelectorAll("g.node").forEach(function (g) {
              g.classList.toggle("selected", Number(g.getAttribute("data-index")) === index);
            });
            var html = "<h3>" + escapeText(node.label) + "</h3><p>" + escapeText(node.kind) + " · " +
              escapeText(node.state) + "</p>";
            if (node.changes.length > 0) {
              html += '<ul class="changes">' + node.changes.map(function (line) {
                return "<li>" + escapeText(line) + "</li>";
              }).join("") + "</ul>";
            }
            html += '<div class="cols">' + column("before", node.before, node.after) +
              column("after", node.after, node.before) + "</div>";
            section.querySelector(".panel").innerHTML = html;
          }
          document.querySelectorAll("section.pipeline").forEach(function (section) {
            var nodes = section.querySelectorAll("g.node");
            nodes.forEach(function (g) {
              g.addEventListener("click", function () { show(section, Number(g.getAttribute("data-index"))); });
            });
            var first = section.querySelector("g.node.changed, g.node.added, g.node.removed");
            if (first) { show(section, Number(first.getAttribute("data-index"))); }
          });
        })();
        """
}
