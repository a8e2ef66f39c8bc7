import { h } from './dom.js';

// The GOV.UK pattern: a summary at the top linking to each field, and the message beside the field.

/**
 * Shows validation errors (code 7, errors[].parameter as dotted paths) on `form`. `fields` maps a parameter path to
 * its input id and label; parameters without a field are listed in the summary only.
 */
export function showFieldErrors(form, summaryRoot, errors, fields) {
  clearFieldErrors(form, summaryRoot);
  const items = [];
  for (const { parameter, error } of errors) {
    const field = fields[parameter];
    const message = `${field?.label ?? parameter} ${error}`;
    if (field) {
      const input = form.querySelector(`#${field.id}`);
      const errorId = `${field.id}-error`;
      if (input && !form.querySelector(`#${errorId}`)) {
        input.setAttribute('aria-invalid', 'true');
        input.setAttribute('aria-describedby', [input.getAttribute('aria-describedby'), errorId].filter(Boolean).join(' '));
        input.closest('.field')?.classList.add('field-has-error');
        input.insertAdjacentElement('beforebegin', h('p', { id: errorId, class: 'field-error' }, h('span', { class: 'visually-hidden' }, 'Error: '), message));
      }
      items.push(h('li', {}, h('a', { href: `#${field.id}`, onclick: (e) => { e.preventDefault(); input?.focus(); } }, message)));
    } else {
      items.push(h('li', {}, message));
    }
  }
  showSummary(summaryRoot, 'There is a problem', items);
}

/** An error summary with one message and no field. */
export function showProblem(summaryRoot, message, title = 'There is a problem') {
  showSummary(summaryRoot, title, [h('li', {}, message)]);
}

function showSummary(summaryRoot, title, items) {
  summaryRoot.replaceChildren(
    h('div', { class: 'error-summary', role: 'alert', tabindex: '-1' },
      h('h2', { class: 'error-summary-title' }, title),
      h('ul', { class: 'error-summary-list' }, items)));
  summaryRoot.firstElementChild.focus();
}

export function clearFieldErrors(form, summaryRoot) {
  summaryRoot.replaceChildren();
  for (const message of form.querySelectorAll('.field-error')) {
    const input = form.querySelector(`[aria-describedby~="${message.id}"]`);
    if (input) {
      input.removeAttribute('aria-invalid');
      const rest = input.getAttribute('aria-describedby').split(' ').filter((id) => id !== message.id).join(' ');
      if (rest) input.setAttribute('aria-describedby', rest); else input.removeAttribute('aria-describedby');
    }
    message.closest('.field')?.classList.remove('field-has-error');
    message.remove();
  }
}
