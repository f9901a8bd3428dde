// Progressive enhancements only: every page works without this file.
document.addEventListener('DOMContentLoaded', () => {
  document.querySelectorAll('[data-select-page]').forEach((master) => {
    const table = master.closest('table');
    master.addEventListener('change', () => {
      table.querySelectorAll('[data-select-user]').forEach((box) => {
        box.checked = master.checked;
        box.dispatchEvent(new Event('change', { bubbles: true }));
      });
    });
  });
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

  // A running import: poll its progress and reload the page once it has moved on to its next step.
  document.querySelectorAll('[data-poll-url]').forEach((section) => {
    const bar = section.querySelector('[data-progress-bar]');
    const poll = () => fetch(section.dataset.pollUrl, { headers: { Accept: 'application/json' } })
      .then((response) => (response.ok ? response.json() : Promise.reject(response.status)))
      .then((progress) => {
        if (progress.status !== 'READING' && progress.status !== 'CREATING') {
          window.location.reload();
          return;
        }
        if (bar && progress.validCount > 0) {
          bar.value = Math.floor((100 * progress.rowsCreated) / progress.validCount);
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
