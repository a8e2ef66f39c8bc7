import { h } from './dom.js';

/** A coloured message box: errors and warnings are announced at once (alert), the rest politely (status). */
export function notice(tone, ...content) {
  return h('div', { class: `notice notice-${tone}`, role: tone === 'error' || tone === 'warning' ? 'alert' : 'status' }, ...content);
}

/** A call that takes a while: what is happening and a progress bar (indeterminate unless `max` is given). */
export function progressNotice(text, label, max = null) {
  const line = h('p', { class: 'progress-text' }, text);
  const bar = h('progress', { 'aria-label': label, max: max === null ? null : String(max), value: max === null ? null : '0' });
  const box = h('div', { class: 'notice notice-info progress-box', role: 'status' }, line, bar);
  return { box, line, bar };
}
