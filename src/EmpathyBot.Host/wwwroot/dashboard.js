// Live dashboard: the server renders the summary (same renderer as `empathybot report`) and pushes it over
// server-sent events whenever a rating arrives; this script swaps it in and has its Vega-Lite charts drawn by the
// shared drawing script (charts.js, the same one the report inlines). EventSource reconnects by itself.
(function () {
  "use strict";
  var container = document.getElementById("summary");
  var status = document.getElementById("status");
  var updates = 0;

  function setStatus(state, text) {
    status.setAttribute("data-state", state);
    status.textContent = text;
  }

  // A dashboard behind Dashboard:AccessKey is opened as /dashboard?key=...; the stream needs the same key, and
  // EventSource cannot send headers, so it goes on as a query parameter.
  var key = new URLSearchParams(window.location.search).get("key");
  var source = new EventSource("/api/summary/stream" + (key ? "?key=" + encodeURIComponent(key) : ""));
  source.addEventListener("summary", function (event) {
    var payload = JSON.parse(event.data);
    container.innerHTML = payload.html;
    updates += 1;
    document.body.setAttribute("data-updates", String(updates));
    window.EmpathyBotCharts.render(container);
    setStatus("live", "live");
  });
  source.onopen = function () { setStatus("live", "live"); };
  source.onerror = function () { setStatus("reconnecting", "reconnecting…"); };
})();
