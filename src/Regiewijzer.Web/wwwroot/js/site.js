// Skip link: move keyboard focus to the main content (a fragment link alone scrolls but leaves focus on the link).
(function () {
  'use strict';
  document.addEventListener('click', function (e) {
    const link = e.target.closest && e.target.closest('a.nl-skip-link');
    if (!link) { return; }
    const main = document.getElementById('inhoud');
    if (!main) { return; }
    e.preventDefault();
    main.focus();
    main.scrollIntoView();
  });
})();

// Charts: a page with a chart names the scripts it needs on the chart element (data-scripts: ECharts, js/charts.js, the
// chart kind). They are loaded once, only on such a page, and run in that order; then the charts start. Also after
// Blazor's enhanced navigation, which does not run scripts of the new page itself.
(function () {
  'use strict';
  const loading = {}; // url -> Promise

  function load(src) {
    if (!loading[src]) {
      loading[src] = new Promise(function (resolve, reject) {
        const script = document.createElement('script');
        script.src = src;
        script.async = false; // downloads in parallel, runs in insertion order
        script.onload = resolve;
        script.onerror = function () { delete loading[src]; reject(new Error(src)); };
        document.head.appendChild(script);
      });
    }
    return loading[src];
  }

  function startCharts() {
    const needed = [];
    document.querySelectorAll('[data-chart][data-scripts]').forEach(function (el) {
      el.dataset.scripts.split(' ').forEach(function (src) { if (src && needed.indexOf(src) < 0) { needed.push(src); } });
    });
    if (!needed.length) { if (window.rwStartCharts) { window.rwStartCharts(); } return; } // disposes the previous page's charts
    Promise.all(needed.map(load)).then(function () {
      if (window.rwStartCharts) { window.rwStartCharts(); }
    }).catch(function (e) {
      document.querySelectorAll('[data-chart]').forEach(function (el) {
        el.textContent = 'De grafiek kon niet worden geladen; de tabel eronder bevat dezelfde gegevens.';
      });
      console.error(e);
    });
  }

  // This script is the last in <body> but for Blazor's: the charts above are parsed, so start fetching now rather than
  // after blazor.web.js has loaded (DOMContentLoaded).
  startCharts();
  document.addEventListener('DOMContentLoaded', function () {
    if (window.Blazor && window.Blazor.addEventListener) { window.Blazor.addEventListener('enhancedload', startCharts); }
  });
})();

// Details that load their content on demand (<details data-load="URL" data-load-part="ID">, e.g. the table behind the
// overview's map): when opened the first time, the element with that id is fetched from the page at URL and put in
// place of the link to that page (which is what a browser without JavaScript follows).
(function () {
  'use strict';
  document.addEventListener('toggle', function (e) {
    const details = e.target;
    if (!details || details.tagName !== 'DETAILS' || !details.open || !details.dataset.load || details.dataset.loaded) { return; }
    details.dataset.loaded = 'true';
    details.setAttribute('aria-busy', 'true');
    fetch(details.dataset.load, { credentials: 'same-origin' }).then(function (r) {
      if (!r.ok) { throw new Error(details.dataset.load + ' ' + r.status); }
      return r.text();
    }).then(function (html) {
      const part = new DOMParser().parseFromString(html, 'text/html').getElementById(details.dataset.loadPart);
      if (!part) { throw new Error('#' + details.dataset.loadPart); }
      const link = details.querySelector('.rw-load-link');
      details.insertBefore(document.importNode(part, true), link);
      if (link) { link.remove(); }
    }).catch(function (err) {
      delete details.dataset.loaded; // the link stays; opening again tries again
      console.error(err);
    }).finally(function () { details.removeAttribute('aria-busy'); });
  }, true); // toggle does not bubble; listening in the capture phase also covers pages reached by enhanced navigation
})();
