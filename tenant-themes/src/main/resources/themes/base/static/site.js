// Small progressive enhancements of the public pages; every page works without them.
// No inline handlers: the Content-Security-Policy allows scripts from this site only.
(function () {
  'use strict';
  var root = document.documentElement;
  var KEY = 'portal.fontScale';

  // Font-size controls (TT 26/2020): 87.5 % to 150 %, remembered on this device only.
  function applyScale(step) {
    var scale = Math.min(150, Math.max(87.5, 100 + step * 12.5));
    root.style.fontSize = scale + '%';
  }
  var saved = 0;
  try { saved = parseInt(localStorage.getItem(KEY) || '0', 10) || 0; } catch (e) { /* storage off */ }
  applyScale(saved);

  function status(el, text) {
    var box = el.closest('.article-tools');
    var out = box && box.querySelector('.tool-status');
    if (out) { out.textContent = text; }
  }

  function copy(el, url, message) {
    if (navigator.clipboard && navigator.clipboard.writeText) {
      navigator.clipboard.writeText(url).then(function () { status(el, message); },
        function () { window.prompt('', url); });
    } else {
      window.prompt('', url);
    }
  }

  document.addEventListener('click', function (event) {
    var el = event.target.closest('[data-font], [data-action]');
    if (!el) { return; }
    if (el.hasAttribute('data-font')) {
      var d = parseInt(el.getAttribute('data-font'), 10);
      saved = d === 0 ? 0 : Math.min(4, Math.max(-1, saved + d));
      applyScale(saved);
      try { localStorage.setItem(KEY, String(saved)); } catch (e) { /* storage off */ }
      return;
    }
    var action = el.getAttribute('data-action');
    var url = el.getAttribute('data-url') || location.href;
    if (action === 'print') {
      window.print();
    } else if (action === 'copy') {
      copy(el, url, el.getAttribute('data-done') || '✓');
    } else if (action === 'share') {
      // On phones the system share sheet offers Zalo; elsewhere the link is copied for pasting.
      if (navigator.share) {
        navigator.share({ title: el.getAttribute('data-title') || document.title, url: url }).catch(function () {});
      } else {
        copy(el, url, el.getAttribute('data-done') || '✓');
      }
    }
  });
}());
