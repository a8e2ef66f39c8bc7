import { h } from './dom.js';
import { focusHeading, usable } from './focus.js';

/**
 * A modal confirmation over the native <dialog>: resolves true for the confirm button, false for Cancel or Esc.
 * `details` are extra lines (such as a dry run's figures). `safe`: Cancel has the first focus, for changes to many
 * users at once, so one stray Enter applies nothing.
 */
export function confirmDialog({ title, text, details = [], confirm = 'Apply', cancel = 'Cancel', tone = 'primary', safe = false }) {
  return new Promise((resolve) => {
    const titleId = `dialog-title-${Date.now()}`;
    const dialog = h('dialog', { class: 'dialog', 'aria-labelledby': titleId },
      h('h2', { id: titleId, class: 'dialog-title' }, title),
      h('p', { class: 'dialog-text' }, text),
      details.length ? h('ul', { class: 'dialog-details' }, details.map((d) => h('li', {}, d))) : null,
      h('div', { class: 'dialog-actions' },
        h('button', { type: 'button', class: 'button button-secondary', value: 'cancel', onclick: () => dialog.close('cancel') }, cancel),
        h('button', { type: 'button', class: `button button-${tone}`, value: 'confirm', onclick: () => dialog.close('confirm') }, confirm)));
    open(dialog, () => resolve(dialog.returnValue === 'confirm'));
    dialog.querySelector(safe ? '[value="cancel"]' : '[value="confirm"]').focus();
  });
}

/** A modal choice between actions; resolves with the value of the chosen one (Esc: the first). */
export function choiceDialog({ title, text, choices }) {
  return new Promise((resolve) => {
    const titleId = `dialog-title-${Date.now()}`;
    const dialog = h('dialog', { class: 'dialog', 'aria-labelledby': titleId },
      h('h2', { id: titleId, class: 'dialog-title' }, title),
      h('p', { class: 'dialog-text' }, text),
      h('div', { class: 'dialog-actions' }, choices.map((c) =>
        h('button', { type: 'button', class: `button button-${c.tone ?? 'secondary'}`, onclick: () => dialog.close(c.value) }, c.label))));
    open(dialog, () => resolve(dialog.returnValue || choices[0].value));
  });
}

/** Shows `dialog` modally; once closed, focus goes back to what opened it, or to the page heading if that is gone. */
function open(dialog, closed) {
  const opener = document.activeElement;
  dialog.addEventListener('close', () => {
    dialog.remove();
    if (opener && opener !== document.body && usable(opener)) opener.focus();
    else focusHeading(document.getElementById('main') ?? document);
    closed();
  });
  document.body.append(dialog);
  dialog.showModal();
}
