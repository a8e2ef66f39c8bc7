import { h } from './dom.js';

/** A column header that sorts on the server: a button inside <th>, with aria-sort on the header. */
export function sortableHeader(label, key, sort, onSort, className = null) {
  const active = sort.orderBy === key;
  const th = h('th', { scope: 'col', class: className, 'aria-sort': active ? (sort.ascending ? 'ascending' : 'descending') : null },
    h('button', { type: 'button', class: `sort${active ? ' sort-active' : ''}`, 'data-focus': `sort-${key}`, onclick: () => onSort(key) },
      label, h('span', { class: 'sort-arrow', 'aria-hidden': 'true' }, active ? (sort.ascending ? '▲' : '▼') : '↕')));
  return th;
}

/** Where a user's setting comes from (`mfa_source`), as the list and the card say it next to the state. */
const SOURCES = { own: 'own setting', default: 'from default', none: 'nothing set' };

/** The two-factor state of a user as the list and the card show it, with where it comes from. */
export function mfaBadge(user) {
  if (user.demo || user.mfa_source === 'demo') {
    return h('span', { class: 'badge badge-neutral', title: 'Demo users are never asked for a code' }, 'Exempt (demo)');
  }
  const state = user.mfa_allowed
    ? h('span', { class: 'badge badge-on' }, 'Enabled')
    : h('span', { class: 'badge badge-off' }, 'Disabled');
  const source = SOURCES[user.mfa_source];
  return source ? h('span', { class: 'mfa-state' }, state, ' ', h('span', { class: 'mfa-source' }, source)) : state;
}

/** "Jane Q. Doe", or the legal name for a company. */
export function displayName(user) {
  const person = [user.first_name, user.middle_name, user.last_name].filter(Boolean).join(' ');
  return user.legal_type === 'legal_entity' && user.legal_name ? `${user.legal_name}${person ? ` (${person})` : ''}` : person;
}
