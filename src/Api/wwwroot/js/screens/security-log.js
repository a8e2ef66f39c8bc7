// Security log: panel/audit/list with its filters (user id, action, from/to in UTC), newest first, server-paged.
import { sentence } from '../navixy.js';
import { h, replace, email } from '../ui/dom.js';
import { notice } from '../ui/notice.js';
import { whileBusy } from '../ui/busy.js';
import { showFieldErrors, clearFieldErrors } from '../ui/form-errors.js';
import { drawPager, PAGER_FOCUS } from '../ui/pager.js';
import { keepFocus } from '../ui/focus.js';

const PAGE_SIZES = [25, 50, 100, 200];

/** Each action of the log with what a person reads for it. */
export const ACTIONS = {
  'mfa.update': 'Two-factor setting of users changed',
  'mfa.default.update': 'Default two-factor setting changed',
  'user.create': 'User created',
  'user.upload': 'Users imported',
  'subuser.register': 'Sub-user registered',
  'panel.auth': 'Panel sign-in',
  'panel.auth.failed': 'Panel sign-in failed',
  'user.auth.code_sent': 'Sign-in code sent',
  'user.auth.code_verified': 'Sign-in code accepted',
  'user.auth.code_wrong': 'Wrong sign-in code',
  'user.auth.code_voided': 'Sign-in code voided',
  'mfa.notices.turned_off': 'Users told 2FA was turned off',
  'mfa.notices.turned_on': 'Users told 2FA was turned on',
};

/**
 * Actions whose `user` target is or may be a sub-user, which has no card of its own: the new one of subuser.register,
 * and whoever asked for or typed a sign-in code.
 */
const MAYBE_SUB_USER_TARGETS = new Set(['subuser.register', 'user.auth.code_sent', 'user.auth.code_verified', 'user.auth.code_wrong', 'user.auth.code_voided']);

const FIELDS = {
  user_id: { id: 'log-user', label: 'User ID' },
  actions: { id: 'log-action', label: 'Action' },
  from: { id: 'log-from', label: 'From (UTC)' },
  to: { id: 'log-to', label: 'To (UTC)' },
};

/** The service names the other field by its parameter; the page names it by its label. */
function readable({ parameter, error }) {
  return parameter === 'to' && error === 'must not be before from' ? { parameter, error: 'must not be before From (UTC)' } : { parameter, error };
}

export function render(root, context) {
  document.title = 'Security log · Admin Panel';
  const state = { filters: {}, offset: 0, limit: 25, count: 0, page: [] };
  const mayReadUsers = context.can('users', 'read');

  const status = h('div', { class: 'status-area', 'aria-live': 'polite' });
  const summary = h('div', {});
  const form = h('form', { class: 'filters', novalidate: true, 'aria-label': 'Filter the security log' },
    filter('log-user', 'User ID', h('input', { id: 'log-user', name: 'user_id', type: 'text', inputmode: 'numeric', autocomplete: 'off' })),
    filter('log-action', 'Action', h('select', { id: 'log-action', name: 'action' },
      h('option', { value: '' }, 'All actions'),
      Object.entries(ACTIONS).map(([value, label]) => h('option', { value }, label)))),
    filter('log-from', 'From (UTC)', h('input', { id: 'log-from', name: 'from', type: 'datetime-local', step: '1' })),
    filter('log-to', 'To (UTC)', h('input', { id: 'log-to', name: 'to', type: 'datetime-local', step: '1' })),
    h('div', { class: 'filters-actions' },
      h('button', { type: 'submit', class: 'button button-primary' }, 'Apply'),
      h('button', { type: 'reset', class: 'button button-ghost' }, 'Clear')));
  // Focusable: on a phone the table scrolls sideways, and a keyboard must be able to scroll it too.
  const tableArea = h('div', { class: 'table-wrap', tabindex: '0', role: 'region', 'aria-label': 'Security log events' });
  const pager = h('div', { class: 'pager' });

  replace(root,
    h('div', { class: 'page-head' },
      h('div', {}, h('h1', {}, 'Security log'), h('p', { class: 'muted' }, 'Who changed what, when and from where: two-factor settings, new users, sign-ins. Times are UTC, newest first.'))),
    h('section', { class: 'card card-flush', 'aria-label': 'Security log' },
      h('div', { class: 'toolbar' }, summary, form),
      status, tableArea, pager));

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    whileBusy(form.querySelector('button[type="submit"]'), () => apply(), 'Applying…');
  });
  form.addEventListener('reset', () => setTimeout(() => { clearFieldErrors(form, summary); apply(); }, 0));

  async function apply() {
    clearFieldErrors(form, summary);
    const filters = {};
    const userId = form.elements.user_id.value.trim();
    // Sent as typed: the service says what is wrong with it (7), as for every other parameter.
    if (userId) filters.user_id = /^\d+$/.test(userId) ? Number(userId) : userId;
    if (form.elements.action.value) filters.actions = [form.elements.action.value];
    if (form.elements.from.value) filters.from = utc(form.elements.from.value);
    if (form.elements.to.value) filters.to = utc(form.elements.to.value);
    state.filters = filters;
    state.offset = 0;
    await load();
  }

  let loadSeq = 0;
  async function load() {
    const seq = ++loadSeq;
    tableArea.setAttribute('aria-busy', 'true');
    tableArea.classList.add('is-loading');
    try {
      const reply = await context.call('panel/audit/list', { ...state.filters, offset: state.offset, limit: state.limit });
      if (seq !== loadSeq) return;
      state.page = reply.list;
      state.count = reply.count;
      replace(status);
      // The pager is built anew: focus stays on the pressed control's successor (see ui/focus.js).
      keepFocus(pager, () => { drawTable(); drawPager(pager, state, load, PAGE_SIZES); }, PAGER_FOCUS);
      context.announce(`${reply.count} ${reply.count === 1 ? 'event' : 'events'}.`);
    } catch (error) {
      if (seq !== loadSeq || error.sessionEnded) return;
      if (error.code === 7) showFieldErrors(form, summary, (error.errors ?? []).map(readable), FIELDS);
      else replace(status, notice('error', `The security log could not be loaded. ${sentence(error.code)}`));
    } finally {
      if (seq === loadSeq) {
        tableArea.removeAttribute('aria-busy');
        tableArea.classList.remove('is-loading');
      }
    }
  }

  function drawTable() {
    // data-label: on a phone each row is a card whose cells are labelled by their column (see app.css).
    const rows = state.page.map((e) => h('tr', {},
      h('td', { class: 'col-date', 'data-label': 'Time (UTC)' }, e.time),
      h('td', { 'data-label': 'Action' }, h('span', {}, ACTIONS[e.action] ?? e.action, h('span', { class: 'log-action-name' }, e.action))),
      h('td', { class: 'col-login', 'data-label': 'By' }, h('span', {}, actor(e.actor))),
      h('td', { class: 'col-ip', 'data-label': 'IP address' }, e.ip ?? '—'),
      h('td', { 'data-label': 'Target' }, h('span', {}, target(e, mayReadUsers))),
      h('td', { 'data-label': 'Change' }, change(e))));
    const table = h('table', { class: 'table table-log' },
      h('caption', { class: 'visually-hidden' }, 'Security log events, newest first'),
      h('thead', {}, h('tr', {},
        h('th', { scope: 'col', class: 'col-date' }, 'Time (UTC)'),
        h('th', { scope: 'col' }, 'Action'),
        h('th', { scope: 'col', class: 'col-login' }, 'By'),
        h('th', { scope: 'col', class: 'col-ip' }, 'IP address'),
        h('th', { scope: 'col' }, 'Target'),
        h('th', { scope: 'col' }, 'Change'))),
      h('tbody', {}, rows));
    replace(tableArea, state.page.length ? table
      : h('div', { class: 'empty' }, h('p', {}, Object.keys(state.filters).length ? 'No events match these filters.' : 'No events yet.')));
  }

  load();
}

function filter(id, label, control) {
  return h('div', { class: 'field' }, h('label', { for: id }, label), control);
}

/** datetime-local ("2026-12-01T10:15" or with seconds) as the wire's "2026-12-01 10:15:00". */
function utc(value) {
  const [date, time] = value.split('T');
  return `${date} ${time.length === 5 ? `${time}:00` : time}`;
}

function actor(a) {
  if (a.type === 'system') return 'System';
  const kind = a.type === 'user' ? 'User' : 'Panel account';
  return [h('span', { class: 'log-kind' }, `${kind}${a.id ? ` ${a.id}` : ''}`), a.login ? h('span', { class: 'log-login' }, email(a.login)) : null];
}

/** A user target links to the card only where one surely opens: the card shows master users, to accounts that read users. */
function target(e, mayReadUsers) {
  const t = e.target;
  if (!t) return '—';
  switch (t.type) {
    case 'all': return 'All users';
    case 'default': return 'Dealer default';
    case 'user': return mayReadUsers && !MAYBE_SUB_USER_TARGETS.has(e.action) ? h('a', { href: `#/users/${t.id}` }, `User ${t.id}`) : `User ${t.id}`;
    default: return `${t.ids.length} selected: ${t.ids.slice(0, 10).join(', ')}${t.ids.length > 10 ? '…' : ''}`;
  }
}

function settings(s) {
  if (!s) return 'none';
  return s.type === 'allowed' ? `on (${(s.factor_types ?? []).join(', ')})` : 'off';
}

function change(e) {
  const parts = [];
  if (e.before || e.after) parts.push(e.action === 'mfa.default.update' ? `2FA ${settings(e.before)} → ${settings(e.after)}` : `2FA ${settings(e.after)}`);
  if (e.affected !== null && e.affected !== undefined) parts.push(`${e.affected} ${e.affected === 1 ? 'user' : 'users'}`);
  return parts.length ? parts.join(' · ') : '—';
}
