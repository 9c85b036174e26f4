// Rich text for the article form: Quill 2 over the plain textarea, which stays the form field
// (and the fallback without JavaScript). Images go to the site's media library first; their
// alternative text is asked for and required, as the server requires it too.
// The textarea holds what the server stored (sanitised), never a raw echo of a refused form.
(function () {
  var area = document.getElementById('body');
  if (!area || typeof Quill === 'undefined') { return; }
  var form = area.form;
  var holder = document.createElement('div');
  holder.id = 'editor';
  area.parentNode.insertBefore(holder, area);
  area.hidden = true;
  var quill = new Quill(holder, {
    theme: 'snow',
    modules: { toolbar: { container: [[{ header: [2, 3, false] }], ['bold', 'italic', 'underline'],
      [{ list: 'ordered' }, { list: 'bullet' }], ['link', 'image'], ['clean']],
      handlers: { image: pickImage } } }
  });
  quill.root.setAttribute('aria-label', area.getAttribute('data-label') || 'Nội dung');
  quill.root.setAttribute('role', 'textbox');
  quill.root.setAttribute('aria-multiline', 'true');
  nameTheToolbar();
  quill.clipboard.dangerouslyPasteHTML(area.value || '');
  form.addEventListener('submit', function () { area.value = html(); });

  // Semantic HTML (real <ul>/<ol>, not Quill's internal list markup). Quill 2.0.3 writes every
  // space as &nbsp;, which would stop long Vietnamese lines from wrapping: put plain spaces back.
  function html() {
    if (quill.getLength() <= 1) { return ''; }
    return quill.getSemanticHTML().replace(/&nbsp;/g, ' ');
  }

  // Quill's buttons are icons only: give each an accessible name from the page's message list
  // (admin/editor.html), so screen readers and Lighthouse find a name for every control.
  function nameTheToolbar() {
    var labels = {};
    document.querySelectorAll('#editor-labels [data-for]').forEach(function (li) {
      labels[li.getAttribute('data-for')] = li.textContent;
    });
    var toolbar = quill.getModule('toolbar').container;
    toolbar.setAttribute('role', 'toolbar');
    toolbar.setAttribute('aria-label', area.getAttribute('data-label') || 'Nội dung');
    toolbar.querySelectorAll('button').forEach(function (button) {
      var format = (button.className.match(/ql-([a-z]+)/) || [])[1];
      var key = button.value ? format + '-' + button.value : format;
      if (labels[key]) { button.setAttribute('aria-label', labels[key]); }
    });
    toolbar.querySelectorAll('.ql-picker').forEach(function (picker) {
      var format = (picker.className.match(/ql-([a-z]+)/) || [])[1];
      var label = picker.querySelector('.ql-picker-label');
      if (label && labels[format]) { label.setAttribute('aria-label', labels[format]); }
    });
    var linkBox = holder.parentNode.querySelector('.ql-tooltip input[type=text]');
    if (linkBox && labels.link) { linkBox.setAttribute('aria-label', labels.link); }
  }

  function pickImage() {
    var input = document.createElement('input');
    input.type = 'file';
    input.accept = 'image/jpeg,image/png,image/gif';
    input.onchange = function () {
      var alt = window.prompt(area.getAttribute('data-alt-prompt') || 'Mô tả ảnh');
      if (!alt) { return; }
      var data = new FormData();
      data.append('file', input.files[0]);
      data.append('alt', alt);
      data.append('_csrf', form.querySelector('input[name=_csrf]').value);
      fetch('/admin/media', { method: 'POST', body: data, credentials: 'same-origin',
          headers: { Accept: 'application/json' } })
        .then(function (r) { return r.json().then(function (j) { return { ok: r.ok, json: j }; }); })
        .then(function (res) {
          if (!res.ok) { window.alert(res.json.detail); return; }
          var at = (quill.getSelection(true) || { index: quill.getLength() }).index;
          quill.insertEmbed(at, 'image', res.json.url, 'user');
          quill.formatText(at, 1, 'alt', alt, 'user');
        });
    };
    input.click();
  }
})();
