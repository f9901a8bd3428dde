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
