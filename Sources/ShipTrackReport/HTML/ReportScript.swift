/// The page's only script: filters (flag, carrier, region, search, changed only) and sorting, with their state in
/// the URL fragment (`#flag=late&carrier=usps&region=asia&q=smith&new=1&sort=order`) so a link or a test can open
/// the page filtered. The page is complete without it: it only hides and reorders rows.
enum ReportScript {
    static let javaScript = #"""
        (function () {
          "use strict";
          var form = document.getElementById("filters");
          if (!form || !document.querySelectorAll) return;
          function $(id) { return document.getElementById(id); }
          var F = { flag: $("f-flag"), carrier: $("f-carrier"), region: $("f-region"), q: $("f-q"), sort: $("f-sort"), fresh: $("f-new") };
          var rows = Array.prototype.slice.call(document.querySelectorAll("tr[data-k]"));
          var sections = Array.prototype.slice.call(document.querySelectorAll("section.rows"));
          var collator = new Intl.Collator(undefined, { numeric: true, sensitivity: "base" });
          rows.forEach(function (row, index) { row._i = index; row._t = row.textContent.toLowerCase(); });
          form.hidden = false;

          function number(n) { return n.toLocaleString("en-US"); }
          function has(list, value) { return (" " + list + " ").indexOf(" " + value + " ") >= 0; }
          function read() {
            var state = {};
            location.hash.replace(/^#/, "").split("&").forEach(function (part) {
              var at = part.indexOf("=");
              if (at > 0) {
                try { state[decodeURIComponent(part.slice(0, at))] = decodeURIComponent(part.slice(at + 1).replace(/\+/g, " ")); } catch (e) {}
              }
            });
            return state;
          }
          function key(row, how) {
            if (how === "order") return row.cells[0].firstChild.textContent;
            if (how === "customer") { var name = row.cells[0].querySelector("bdi"); return name ? name.textContent : "\uffff"; }
            if (how === "destination") return row.cells[1].firstChild.textContent;
            return null;
          }
          var sortedBy = "";
          function sort(how) {
            // Rows start in urgency order; moving thousands of rows on every keystroke would be wasted work.
            if (how === sortedBy) return;
            sortedBy = how;
            Array.prototype.forEach.call(document.querySelectorAll("table.orders tbody"), function (body) {
              var list = Array.prototype.slice.call(body.rows);
              list.sort(function (a, b) {
                var x = key(a, how), y = key(b, how);
                var order = x === null ? 0 : collator.compare(x, y);
                return order || a._i - b._i;
              });
              list.forEach(function (row) { body.appendChild(row); });
            });
          }
          function apply(state) {
            F.flag.value = state.flag || ""; F.carrier.value = state.carrier || ""; F.region.value = state.region || "";
            F.q.value = state.q || ""; F.sort.value = state.sort || ""; F.fresh.checked = state["new"] === "1";
            var query = (state.q || "").toLowerCase().trim();
            var active = !!(state.flag || state.carrier || state.region || query || state["new"] === "1");
            var shown = 0;
            rows.forEach(function (row) {
              var ok = (!state.flag || has(row.dataset.k, state.flag)) &&
                (!state.carrier || has(row.dataset.c, state.carrier)) &&
                (!state.region || row.dataset.r === state.region) &&
                (!query || row._t.indexOf(query) >= 0) &&
                (state["new"] !== "1" || row.dataset.n === "1");
              row.hidden = !ok;
              if (ok) shown++;
            });
            sections.forEach(function (section) {
              var visible = section.querySelectorAll("tr[data-k]:not([hidden])").length;
              section.hidden = active && visible === 0;
              var note = section.querySelector(".shown");
              if (note) note.textContent = active ? " · " + number(visible) + " shown" : "";
            });
            sort(state.sort || "");
            $("f-count").textContent = active
              ? number(shown) + " of " + number(rows.length) + " listed orders shown"
              : number(rows.length) + " orders listed";
          }
          function write() {
            var parts = [];
            ["flag", "carrier", "region", "q", "sort"].forEach(function (name) {
              var value = F[name].value.trim();
              if (value) parts.push(name + "=" + encodeURIComponent(value));
            });
            if (F.fresh.checked) parts.push("new=1");
            history.replaceState(null, "", parts.length ? "#" + parts.join("&") : location.pathname + location.search);
            apply(read());
          }
          form.addEventListener("input", write);
          form.addEventListener("change", write);
          form.addEventListener("submit", function (event) { event.preventDefault(); });
          $("f-reset").addEventListener("click", function () {
            F.flag.value = F.carrier.value = F.region.value = F.q.value = F.sort.value = ""; F.fresh.checked = false; write();
          });
          window.addEventListener("hashchange", function () { if (location.hash.indexOf("=") > 0) apply(read()); });
          apply(location.hash.indexOf("=") > 0 ? read() : {});
        })();

        """#
}
