// Progressive enhancements only: every page works without this file.
'use strict';

// Users list: the selection survives paging and filtering (kept per customer in sessionStorage) and can grow to
// "all users matching the filter". Without JavaScript, the checkboxes on the current page are submitted as they are.
function enhanceUserSelection(form) {
  const storageKey = 'partnerdesk.selection.' + form.dataset.selectionKey;
  const count = form.querySelector('[data-selection-count]');
  const clear = form.querySelector('[data-selection-clear]');
  const master = form.querySelector('[data-select-page]');
  const offer = form.querySelector('[data-select-all-offer]');
  const allMatchingInput = form.querySelector('[data-all-matching-input]');
  const boxes = Array.from(form.querySelectorAll('[data-select-user]'));
  const selected = new Set(JSON.parse(sessionStorage.getItem(storageKey) || '[]'));
  let allMatching = false;

  const save = () => sessionStorage.setItem(storageKey, JSON.stringify(Array.from(selected)));

  const render = () => {
    boxes.forEach((box) => { box.checked = allMatching || selected.has(box.value); });
    const onPage = boxes.filter((box) => box.checked).length;
    if (master) {
      master.checked = boxes.length > 0 && onPage === boxes.length;
      master.indeterminate = onPage > 0 && onPage < boxes.length;
    }
    if (count) {
      if (allMatching) {
        count.textContent = count.dataset.textAll;
      } else if (selected.size === 0) {
        count.textContent = count.dataset.textNone;
      } else {
        count.textContent = count.dataset.textSome.replace('{0}', selected.size.toLocaleString());
      }
    }
    if (clear) clear.hidden = !allMatching && selected.size === 0;
    if (offer) offer.hidden = allMatching || boxes.length === 0 || onPage !== boxes.length;
    if (allMatchingInput) allMatchingInput.disabled = !allMatching;
  };

  boxes.forEach((box) => box.addEventListener('change', () => {
    if (allMatching && !box.checked) allMatching = false;
    if (box.checked) selected.add(box.value); else selected.delete(box.value);
    save();
    render();
  }));
  if (master) {
    master.addEventListener('change', () => {
      allMatching = false;
      boxes.forEach((box) => { if (master.checked) selected.add(box.value); else selected.delete(box.value); });
      save();
      render();
    });
  }
  const selectAll = form.querySelector('[data-select-all-matching]');
  if (selectAll) {
    selectAll.addEventListener('click', () => { allMatching = true; render(); });
  }
  if (clear) {
    clear.addEventListener('click', () => {
      allMatching = false;
      selected.clear();
      save();
      render();
    });
  }
  form.addEventListener('submit', () => {
    // Ids chosen on other pages travel as hidden fields; the server stores them and the browser forgets them.
    if (!allMatching) {
      const onPage = new Set(boxes.map((box) => box.value));
      selected.forEach((id) => {
        if (!onPage.has(id)) {
          const hidden = document.createElement('input');
          hidden.type = 'hidden';
          hidden.name = 'userId';
          hidden.value = id;
          form.appendChild(hidden);
        }
      });
    }
    sessionStorage.removeItem(storageKey);
  });
  render();
}

// Users list: a filter the database keeps no counter for is counted after the page is shown, so that the page never
// waits for it. The answer fills in the sentences that name the total and reveals the link to the last page.
function fillInUserCount(status) {
  fetch(status.dataset.userCountUrl, { headers: { Accept: 'application/json' } })
    .then((response) => (response.ok ? response.json() : Promise.reject(response.status)))
    .then((counted) => {
      status.textContent = counted.count;
      document.querySelectorAll('[data-page-summary]').forEach((summary) => { summary.textContent = counted.summary; });
      document.querySelectorAll('[data-select-all-matching]').forEach((button) => {
        button.textContent = counted.selectAllMatching;
      });
      document.querySelectorAll('[data-selection-count]').forEach((selection) => {
        selection.dataset.textAll = counted.allMatchingSelected;
      });
      document.querySelectorAll('[data-last-page]').forEach((item) => {
        const link = item.querySelector('a');
        const url = new URL(link.getAttribute('href'), window.location.href);
        url.searchParams.set('page', counted.lastPage);
        link.setAttribute('href', url.pathname + url.search);
        item.hidden = false;
      });
    })
    .catch(() => { status.hidden = true; });
}

document.addEventListener('DOMContentLoaded', () => {
  document.querySelectorAll('[data-selection-form]').forEach(enhanceUserSelection);
  document.querySelectorAll('[data-user-count-url]').forEach(fillInUserCount);
});

// Add multiple users: drop a file on the form, and hear about a file over the limit before uploading it.
document.addEventListener('DOMContentLoaded', () => {
  document.querySelectorAll('[data-drop-zone]').forEach((form) => {
    const input = form.querySelector('input[type=file]');
    const tooLarge = form.querySelector('[data-too-large-message]');
    const maxBytes = Number(form.dataset.maxBytes);
    const checkSize = () => {
      const file = input.files[0];
      const over = Boolean(file && maxBytes && file.size > maxBytes);
      input.classList.toggle('is-invalid', over);
      input.setAttribute('aria-invalid', String(over));
      input.setCustomValidity(over ? tooLarge.textContent : '');
    };
    form.querySelector('[data-drop-hint]').hidden = false;
    input.addEventListener('change', checkSize);
    ['dragenter', 'dragover'].forEach((type) => form.addEventListener(type, (event) => {
      event.preventDefault();
      form.classList.add('drop-target');
    }));
    ['dragleave', 'drop'].forEach((type) => form.addEventListener(type, () => form.classList.remove('drop-target')));
    form.addEventListener('drop', (event) => {
      event.preventDefault();
      if (event.dataTransfer.files.length > 0) {
        input.files = event.dataTransfer.files;
        checkSize();
      }
    });
  });

  // A running import: poll its progress and reload the page once it has moved on to its next step; a finished creation
  // goes straight on to the confirmation page of the temporary passwords.
  document.querySelectorAll('[data-poll-url]').forEach((section) => {
    const bar = section.querySelector('[data-progress-bar]');
    const text = section.querySelector('[data-progress-text]');
    const poll = () => fetch(section.dataset.pollUrl, { headers: { Accept: 'application/json' } })
      .then((response) => (response.ok ? response.json() : Promise.reject(response.status)))
      .then((progress) => {
        if (progress.status !== 'READING' && progress.status !== 'CREATING') {
          if (progress.confirmationUrl) {
            window.location.assign(progress.confirmationUrl);
          } else {
            window.location.reload();
          }
          return;
        }
        if (bar && progress.validCount > 0) {
          bar.value = Math.floor((100 * progress.rowsCreated) / progress.validCount);
        }
        if (progress.text) {
          if (text) {
            text.textContent = progress.text;
          }
          section.querySelectorAll('progress').forEach((element) => element.setAttribute('aria-label', progress.text));
        }
        window.setTimeout(poll, 1500);
      })
      .catch(() => window.setTimeout(poll, 5000));
    window.setTimeout(poll, 1500);
  });

  document.querySelectorAll('[data-print]').forEach((button) => {
    button.hidden = false;
    button.addEventListener('click', () => window.print());
  });
});
