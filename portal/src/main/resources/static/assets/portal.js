// Livelier pages, never required: countdowns to due times. Everything works without it.
(function () {
  "use strict";
  function format(el, ms) {
    var minutes = Math.floor(Math.abs(ms) / 60000);
    var seconds = Math.floor((Math.abs(ms) % 60000) / 1000);
    var hours = Math.floor(minutes / 60);
    var text = hours > 0 ? hours + ":" + String(minutes % 60).padStart(2, "0") + ":" + String(seconds).padStart(2, "0")
                         : minutes + ":" + String(seconds).padStart(2, "0");
    return (ms < 0 ? el.dataset.overdue : el.dataset.left).replace("{0}", text);
  }
  function tick() {
    var now = Date.now();
    document.querySelectorAll("[data-countdown]").forEach(function (el) {
      var due = Date.parse(el.getAttribute("data-countdown"));
      if (isNaN(due)) { return; }
      var ms = due - now;
      el.textContent = format(el, ms);
      el.classList.toggle("overdue", ms < 0);
      el.classList.toggle("soon", ms >= 0 && ms < 15 * 60000);
    });
  }
  document.addEventListener("DOMContentLoaded", function () { tick(); setInterval(tick, 1000); });
  document.addEventListener("htmx:afterSwap", tick);
  document.addEventListener("htmx:sseMessage", tick);
})();

// The live inbox: a pushed row replaces the row of the same request if the page shows it
// already, else it goes where the server would have drawn it (data-place grows as urgency
// falls) and the count in the caption follows. The feed's state is kept on the element, so a
// person (and a test) can tell whether the page is live.
(function () {
  "use strict";
  document.addEventListener("htmx:sseBeforeMessage", function (event) {
    var template = document.createElement("template");
    template.innerHTML = "<table><tbody>" + event.detail.data + "</tbody></table>";
    var row = template.content.querySelector("tr[id]");
    var shown = row && document.getElementById(row.id);
    if (!row) {
      return;
    }
    event.preventDefault();
    if (shown) {
      shown.replaceWith(row);
    } else {
      var rows = document.getElementById("inbox-rows");
      var place = Number(row.getAttribute("data-place"));
      var before = Array.prototype.find.call(rows.rows, function (other) {
        return Number(other.getAttribute("data-place")) > place;
      });
      rows.insertBefore(row, before || null);
      var count = document.getElementById("inbox-count");
      if (count) { count.textContent = "(" + rows.rows.length + ")"; }
    }
    htmx.process(row);
    document.dispatchEvent(new Event("htmx:afterSwap"));
  });
  document.addEventListener("htmx:sseOpen", function (event) {
    event.target.setAttribute("data-live", "open");
    var source = event.detail && event.detail.source;
    if (source && !source.parleyResync) {
      source.parleyResync = true;
      // more was missed than the feed can replay: draw the inbox anew
      source.addEventListener("resync", function () { window.location.reload(); });
    }
  });
  document.addEventListener("htmx:sseError", function (event) {
    event.target.setAttribute("data-live", "reconnecting");
  });
})();


// A table wider than the screen scrolls sideways in its .table-wrap: such a region must be reachable
// by keyboard, so it becomes a focusable region named by its table's caption; one that fits stays
// out of the tab order.
(function () {
  function mark() {
    document.querySelectorAll(".table-wrap").forEach(function (wrap) {
      if (wrap.scrollWidth > wrap.clientWidth + 1) {
        var caption = wrap.querySelector("caption");
        wrap.setAttribute("tabindex", "0");
        wrap.setAttribute("role", "region");
        if (caption) { wrap.setAttribute("aria-label", caption.textContent.trim()); }
      } else if (wrap.getAttribute("tabindex") === "0") {
        wrap.removeAttribute("tabindex");
        wrap.removeAttribute("role");
        wrap.removeAttribute("aria-label");
      }
    });
  }
  document.addEventListener("DOMContentLoaded", mark);
  document.addEventListener("htmx:afterSwap", mark);
  window.addEventListener("resize", mark);
})();
