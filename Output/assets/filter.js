// Filters the events of this page. The page reads fine without it; this only hides events that
// do not match and keeps the filter in the address, so a filtered view can be cited.
(function () {
  "use strict";
  var form = document.getElementById("filters");
  var count = document.getElementById("count");
  if (!form || !count) return;
  var events = Array.prototype.slice.call(document.querySelectorAll("article.event"));
  var days = Array.prototype.slice.call(document.querySelectorAll("section.day"));
  var names = ["q", "kind", "place", "actor", "claim", "conf", "from", "to"];
  // The map's dots follow the filters; pointing at a card lights its dot.
  var dots = Array.prototype.slice.call(document.querySelectorAll(".map a[data-id]"));
  var dotOf = {};
  dots.forEach(function (dot) { dotOf[dot.getAttribute("data-id")] = dot; });
  events.forEach(function (event) {
    var dot = dotOf[event.id.slice(2)];
    if (!dot) return;
    var light = function () { dot.classList.add("lit"); dot.parentNode.appendChild(dot); };
    var dim = function () { dot.classList.remove("lit"); };
    event.addEventListener("mouseenter", light);
    event.addEventListener("mouseleave", dim);
    event.addEventListener("focusin", light);
    event.addEventListener("focusout", dim);
  });

  function read() {
    var values = {};
    names.forEach(function (name) { values[name] = (form.elements[name].value || "").trim(); });
    return values;
  }

  function matches(event, f) {
    var d = event.dataset;
    if (f.kind && d.kind !== f.kind) return false;
    if (f.place && (" " + d.place + " ").indexOf(" " + f.place + " ") < 0) return false;
    if (f.actor && (" " + d.actor + " ").indexOf(" " + f.actor + " ") < 0) return false;
    if (f.claim && d.claim !== f.claim) return false;
    if (f.conf && parseFloat(d.conf) < parseFloat(f.conf)) return false;
    if (f.from && (d.end || d.start) && (d.end || d.start) < f.from) return false;
    if (f.to && d.start && d.start > f.to) return false;
    if (f.q) {
      var text = event.textContent.toLowerCase();
      var words = f.q.toLowerCase().split(/\s+/);
      for (var i = 0; i < words.length; i++) {
        if (text.indexOf(words[i]) < 0) return false;
      }
    }
    return true;
  }

  function apply(updateAddress) {
    var f = read();
    var shown = 0;
    events.forEach(function (event) {
      var ok = matches(event, f);
      event.hidden = !ok;
      if (ok) shown += 1;
    });
    days.forEach(function (day) {
      day.hidden = !day.querySelector("article.event:not([hidden])");
    });
    dots.forEach(function (dot) {
      var card = document.getElementById("e-" + dot.getAttribute("data-id"));
      dot.classList.toggle("hidden", !!card && card.hidden);
    });
    count.textContent = shown + (shown === 1 ? " event" : " events") +
      (shown === events.length ? "" : " of " + events.length);
    if (updateAddress) {
      var params = new URLSearchParams();
      names.forEach(function (name) { if (f[name]) params.set(name, f[name]); });
      var query = params.toString();
      history.replaceState(null, "", location.pathname + (query ? "?" + query : "") + location.hash);
    }
  }

  var params = new URLSearchParams(location.search);
  names.forEach(function (name) {
    if (params.has(name) && form.elements[name]) form.elements[name].value = params.get(name);
  });
  form.addEventListener("input", function () { apply(true); });
  form.addEventListener("change", function () { apply(true); });
  form.addEventListener("submit", function (e) { e.preventDefault(); apply(true); });
  apply(false);
})();
