import { h } from './dom.js';

/**
 * A modal confirmation over the native <dialog>: resolves true for the confirm button, false for Cancel or Esc.
 * `details` are extra lines (figures a dry run will provide later).
 */
export function confirmDialog({ title, text, details = [], confirm = 'Apply', cancel = 'Cancel', tone = 'primary' }) {
  return new Promise((resolve) => {
    const titleId = `dialog-title-${Date.now()}`;
    const dialog = h('dialog', { class: 'dialog', 'aria-labelledby': titleId },
      h('h2', { id: titleId, class: 'dialog-title' }, title),
      h('p', { class: 'dialog-text' }, text),
      details.length ? h('ul', { class: 'dialog-details' }, details.map((d) => h('li', {}, d))) : null,
      h('div', { class: 'dialog-actions' },
        h('button', { type: 'button', class: 'button button-secondary', value: 'cancel', onclick: () => dialog.close('cancel') }, cancel),
        h('button', { type: 'button', class: `button button-${tone}`, value: 'confirm', onclick: () => dialog.close('confirm') }, confirm)));
    dialog.addEventListener('close', () => {
      dialog.remove();
      resolve(dialog.returnValue === 'confirm');
    });
    document.body.append(dialog);
    dialog.showModal();
    dialog.querySelector('[value="confirm"]').focus();
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
    dialog.addEventListener('close', () => {
      dialog.remove();
      resolve(dialog.returnValue || choices[0].value);
    });
    document.body.append(dialog);
    dialog.showModal();
  });
}
