// A busy state for every call: the control is marked disabled while its call runs, so nothing is sent twice.
// aria-disabled rather than disabled: a disabled control drops keyboard focus to <body>; this one keeps it.

/** Runs `work` once at a time for `button` (or a form's submit button), showing `label` while it runs. */
export async function whileBusy(button, work, label = null) {
  if (button.disabled || button.getAttribute('aria-disabled') === 'true' || button.dataset.busy === 'true') return undefined;
  const original = button.textContent;
  button.dataset.busy = 'true';
  button.setAttribute('aria-disabled', 'true');
  button.setAttribute('aria-busy', 'true');
  button.classList.add('is-busy');
  if (label) button.textContent = label;
  try {
    return await work();
  } finally {
    // Only the busy marks are undone: what `work` decided about the control (a countdown disabling it) stands.
    button.dataset.busy = 'false';
    button.removeAttribute('aria-disabled');
    button.removeAttribute('aria-busy');
    button.classList.remove('is-busy');
    if (label) button.textContent = original;
  }
}
