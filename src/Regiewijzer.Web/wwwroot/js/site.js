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
