// Keyboard focus across redraws: a rebuilt control is a new element, and focus left on the old one falls to <body>.

/**
 * Runs `redraw` over `root`; if a control of `root` marked `data-focus="key"` had focus, focuses the control with the
 * same key in the new content, else the first usable one that `alternatives[key]` names (keys or elements).
 */
export function keepFocus(root, redraw, alternatives = {}) {
  const before = document.activeElement;
  const key = before && root.contains(before) ? before.dataset.focus : undefined;
  const result = redraw();
  // Focus still somewhere (kept, or moved on purpose by the redraw): nothing to restore.
  if (!key || (document.activeElement && document.activeElement !== document.body)) return result;
  for (const candidate of [key, ...(alternatives[key] ?? [])]) {
    const target = typeof candidate === 'string' ? root.querySelector(`[data-focus="${candidate}"]`) : candidate;
    if (usable(target)) { target.focus(); break; }
  }
  return result;
}

/** Focuses `element` when focus was lost (its control was disabled or removed); otherwise leaves it. */
export function focusIfLost(element) {
  const active = document.activeElement;
  // Chromium keeps reporting a control disabled while focused as the active element, though keys no longer reach it.
  const lost = !active || active === document.body || !active.isConnected || active.disabled === true;
  if (lost && usable(element)) element.focus();
}

/** Focuses the page's heading (made focusable from script only), the place to start again from. */
export function focusHeading(root = document) {
  const heading = root.querySelector('h1');
  if (!heading) return;
  heading.setAttribute('tabindex', '-1');
  heading.focus();
}

/** Whether `element` can take focus now: present, not disabled and not inside a hidden part of the page. */
export function usable(element) {
  return Boolean(element?.isConnected && !element.disabled && !element.closest('[hidden]'));
}
