// Rich text for the article form: Quill over the plain textarea, which stays the form field
// (and the fallback without JavaScript). Images go to the site's media library first; their
// alternative text is asked for and required, as the server requires it too.
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
  quill.clipboard.dangerouslyPasteHTML(area.value || '');
  form.addEventListener('submit', function () { area.value = quill.root.innerHTML; });

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
