// "Manage licenses": each product's Assign / Remove / Leave group becomes one tri-state checkbox (checked: all
// selected users will have it, clear: none, mixed: leave as it is), and Save is disabled while a product would go over
// its free seats. Without this file the radio groups do the same job and the server refuses what does not fit.
document.addEventListener('DOMContentLoaded', () => {
  const form = document.querySelector('[data-license-editor]');
  if (!form) {
    return;
  }
  const save = form.querySelector('[data-license-save]');
  const blocked = form.querySelector('[data-save-blocked]');
  const options = Array.from(form.querySelectorAll('[data-license-option]'));

  // What a click on the checkbox chooses next, by who holds the license now. Partial holdings cycle back to
  // "leave as it is", as in Microsoft 365; full or empty ones simply toggle.
  const NEXT = {
    SOME: { KEEP: 'ASSIGN', ASSIGN: 'REMOVE', REMOVE: 'KEEP' },
    ALL: { KEEP: 'REMOVE', ASSIGN: 'REMOVE', REMOVE: 'KEEP' },
    NONE: { KEEP: 'ASSIGN', ASSIGN: 'KEEP', REMOVE: 'ASSIGN' },
  };

  const decisionOf = (option) => option.querySelector('input[type=radio]:checked').value;
  const choose = (option, decision) => {
    option.querySelector(`input[type=radio][value="${decision}"]`).checked = true;
  };

  const refresh = () => {
    let over = false;
    options.forEach((option) => {
      const decision = decisionOf(option);
      option.querySelectorAll('[data-impact]').forEach((line) => {
        line.hidden = line.dataset.impact !== decision;
      });
      if (decision === 'ASSIGN' && option.dataset.over === 'true') {
        over = true;
      }
      const box = option.querySelector('[data-tristate]');
      const holding = option.dataset.holding;
      box.indeterminate = decision === 'KEEP' && holding === 'SOME';
      box.checked = decision === 'ASSIGN' || (decision === 'KEEP' && holding === 'ALL');
    });
    save.disabled = over;
    blocked.hidden = !over;
  };

  options.forEach((option) => {
    const box = document.createElement('input');
    box.type = 'checkbox';
    box.className = 'form-check-input tristate m-0';
    box.dataset.tristate = '';
    box.setAttribute('aria-labelledby', option.dataset.labelId);
    box.setAttribute('aria-describedby', option.dataset.impactId);
    option.querySelector('[data-tristate-slot]').append(box);
    option.querySelector('[data-choices]').hidden = true;
    box.addEventListener('click', () => {
      choose(option, NEXT[option.dataset.holding][decisionOf(option)]);
      refresh();
    });
    option.addEventListener('change', refresh);
  });
  refresh();
});
