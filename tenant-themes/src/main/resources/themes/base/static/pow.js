// Anonymous forms marked data-pow="<form id>" prove a little work before they are sent
// (infra.pow.ProofOfWork): on submit the page asks for a challenge, a Web Worker
// (pow-worker.js) solves it, the hidden fields pow-challenge and pow-nonce are filled and the
// form goes. Nothing to click or see beyond a short "checking" line; keyboard and screen
// readers work as for any form. No inline script: the pages' policy allows this site's files only.
(function () {
  'use strict';
  function solve(challenge, workerUrl) {
    return new Promise(function (resolve, reject) {
      var worker = new Worker(workerUrl);
      worker.onmessage = function (event) { worker.terminate(); resolve(event.data); };
      worker.onerror = function (error) { worker.terminate(); reject(error); };
      worker.postMessage({ challenge: challenge.challenge, difficulty: challenge.difficulty });
    });
  }

  Array.prototype.forEach.call(document.querySelectorAll('form[data-pow]'), function (form) {
    var notice = form.querySelector('.pow-needs-script');
    if (notice) { notice.hidden = true; }
    var status = form.querySelector('.pow-status');
    var busy = false;
    form.addEventListener('submit', function (event) {
      if (form.getAttribute('data-pow-solved') === 'yes') { return; }
      event.preventDefault();
      if (busy) { return; }
      busy = true;
      if (status) { status.textContent = form.getAttribute('data-pow-working'); }
      fetch('/api/v1/pow/challenge?form=' + encodeURIComponent(form.getAttribute('data-pow')),
        { headers: { Accept: 'application/json' }, credentials: 'same-origin', cache: 'no-store' })
        .then(function (response) {
          if (!response.ok) { throw new Error('challenge ' + response.status); }
          return response.json();
        })
        .then(function (challenge) {
          return solve(challenge, form.getAttribute('data-pow-worker')).then(function (nonce) {
            form.querySelector('input[name="pow-challenge"]').value = challenge.challenge;
            form.querySelector('input[name="pow-nonce"]').value = nonce;
            form.setAttribute('data-pow-solved', 'yes');
            form.submit();
          });
        })
        .catch(function () {
          busy = false;
          if (status) { status.textContent = form.getAttribute('data-pow-failed'); }
        });
    });
  });
})();
