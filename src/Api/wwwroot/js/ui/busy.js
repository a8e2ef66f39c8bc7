// A busy state for every call: the control is disabled while its call runs, so nothing is sent twice.

/** Runs `work` once at a time for `button` (or a form's submit button), showing `label` while it runs. */
export async function whileBusy(button, work, label = null) {
  if (button.getAttribute('aria-disabled') === 'true' || button.dataset.busy === 'true') return undefined;
  const original = button.textContent;
  button.dataset.busy = 'true';
  button.disabled = true;
  button.setAttribute('aria-busy', 'true');
  button.classList.add('is-busy');
  if (label) button.textContent = label;
  try {
    return await work();
  } finally {
    button.dataset.busy = 'false';
    button.disabled = false;
    button.removeAttribute('aria-busy');
    button.classList.remove('is-busy');
    if (label) button.textContent = original;
  }
}
