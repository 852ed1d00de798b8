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

// The map of municipalities (drawn by the server as SVG, one path per municipality with data-gemeente): a click opens
// the municipality's page. A pointer shows its figures (the path's title); keyboard and screen-reader users have the
// table under the map, with a link per municipality.
(function () {
  'use strict';
  document.addEventListener('click', function (e) {
    const shape = e.target.closest && e.target.closest('#kaart [data-gemeente]');
    if (!shape) { return; }
    window.location.href = '/gemeente/' + encodeURIComponent(shape.getAttribute('data-gemeente'));
  });
})();

// Charts: a page with a chart names the scripts it needs on the chart element (data-scripts: ECharts, js/charts.js, the
// chart kind). They are loaded only on such a page, and only when a chart comes near the screen (800 px ahead), or
// before printing: the charts sit far down their pages, and a visitor who does not scroll there does not download or
// run the chart library. Then they run in that order and the charts start. window.rwLoadCharts loads them at once.
(function () {
  'use strict';
  const loading = {}; // url -> Promise
  let started = null;

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

  function loadCharts() {
    if (started) { return started; }
    const needed = [];
    document.querySelectorAll('[data-chart][data-scripts]').forEach(function (el) {
      el.dataset.scripts.split(' ').forEach(function (src) { if (src && needed.indexOf(src) < 0) { needed.push(src); } });
    });
    if (!needed.length) { return Promise.resolve(); }
    started = Promise.all(needed.map(load)).then(function () {
      if (window.rwStartCharts) { window.rwStartCharts(); }
    }).catch(function (e) {
      started = null; // a later approach tries again
      document.querySelectorAll('[data-chart]').forEach(function (el) {
        el.textContent = 'De grafiek kon niet worden geladen; de tabel eronder bevat dezelfde gegevens.';
      });
      console.error(e);
    });
    return started;
  }

  window.rwLoadCharts = loadCharts;
  window.addEventListener('beforeprint', loadCharts);
  // This script is the last in <body>: the charts above are parsed.
  const charts = document.querySelectorAll('[data-chart][data-scripts]');
  if (!charts.length) { return; }
  if (!('IntersectionObserver' in window)) { loadCharts(); return; }
  const observer = new IntersectionObserver(function (entries) {
    if (entries.some(function (e) { return e.isIntersecting; })) { observer.disconnect(); loadCharts(); }
  }, { rootMargin: '800px 0px' });
  charts.forEach(function (el) { observer.observe(el); });
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
  }, true); // toggle does not bubble: listen in the capture phase
})();
