// Draws the summary's Vega-Lite charts: the specs travel in the page as JSON (#chart-specs), each into the element
// whose data-chart names it. The dashboard calls render() after every pushed update; the report once on load.
window.EmpathyBotCharts = (function () {
  "use strict";
  var views = {};
  var generation = 0;
  // Saving as SVG or PNG is what a paper needs; the source and editor links would send the study's data elsewhere.
  var options = { renderer: "svg", actions: { export: true, source: false, compiled: false, editor: false } };

  function release() {
    Object.keys(views).forEach(function (name) {
      views[name].finalize();
      delete views[name];
    });
  }

  function render(root) {
    release();
    var current = ++generation;
    var specs = root.querySelector("#chart-specs");
    if (!specs) return Promise.resolve();
    var all = JSON.parse(specs.textContent);
    var names = Object.keys(all);
    if (typeof window.vegaEmbed !== "function") {
      names.forEach(function (name) {
        var missing = root.querySelector("[data-chart='" + name + "']");
        missing.setAttribute("data-rendered", "missing");
        missing.textContent = "The charting library (Vega) is not available: this copy was built without Node.js/npm. The tables below have every figure.";
      });
      return Promise.resolve();
    }

    return Promise.all(names.map(function (name) {
      var element = root.querySelector("[data-chart='" + name + "']");
      return window.vegaEmbed(element, all[name], options).then(function (result) {
        // A newer update replaced the page while this chart was drawing: drop it.
        if (current !== generation) return result.view.finalize();
        views[name] = result.view;
        element.setAttribute("data-rendered", "true");
      }, function (error) {
        element.setAttribute("data-rendered", "failed");
        element.textContent = "This chart could not be drawn: " + error.message;
      });
    }));
  }

  return { render: render, views: views };
})();
