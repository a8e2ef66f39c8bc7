// Users: the server-paged, server-sorted list with search, a 2FA on / off filter, the two-factor column (with where
// each setting comes from) and bulk Enable / Disable, confirmed with a dry run's figures. The view (search, filter,
// sort, page) lives in the hash query, so Back from a user card returns to it.
import { mfa, sentence } from '../navixy.js';
import { h, replace, email } from '../ui/dom.js';
import { notice, progressNotice } from '../ui/notice.js';
import { whileBusy } from '../ui/busy.js';
import { confirmDialog, choiceDialog } from '../ui/dialog.js';
import { sortableHeader, mfaBadge, displayName } from '../ui/table.js';
import { addFigures, dryRunSentence } from '../ui/dry-run.js';
import { drawPager, PAGER_FOCUS } from '../ui/pager.js';
import { keepFocus } from '../ui/focus.js';
import { rememberListView } from '../ui/list-view.js';

/** The most ids one panel/user/mfa/settings/update call may carry. */
export const BATCH_SIZE = 100;
const PAGE_SIZES = [25, 50, 100, 200];
/** The 2FA filter's options: `mfa_allowed` of panel/user/list (demo users are exempt, so "off"). */
const MFA_FILTERS = [['', 'All users'], ['true', '2FA on'], ['false', '2FA off']];
const SORT_KEYS = ['id', 'login', 'last_name', 'mfa_allowed'];
/** Where focus goes when the control that had it is gone after a redraw (keys of data-focus). */
const FOCUS_AFTER = {
  ...PAGER_FOCUS,
  'select-everyone': ['bulk-count'],
  'clear-selection': ['select-page', 'user-search'],
  'bulk-enable': ['bulk-count', 'select-page', 'user-search'],
  'bulk-disable': ['bulk-count', 'select-page', 'user-search'],
};

export function render(root, context) {
  document.title = 'Users · Admin Panel';
  const mayUpdate = context.can('users', 'update');
  const mayCreate = context.can('users', 'create');
  const state = { ...viewFrom(context.params[0]), count: 0, page: [] };
  const selected = new Set();

  const status = h('div', { class: 'status-area', 'aria-live': 'polite' });
  const searchInput = h('input', { id: 'user-search', type: 'search', name: 'filter', autocomplete: 'off', placeholder: 'Login or name', 'data-focus': 'user-search' });
  searchInput.value = state.filter;
  const searchForm = h('form', { class: 'search', role: 'search' },
    h('label', { for: 'user-search' }, 'Search users'),
    h('div', { class: 'search-row' }, searchInput, h('button', { type: 'submit', class: 'button button-secondary' }, 'Search')));
  const mfaFilter = h('select', { id: 'mfa-filter', name: 'mfa_allowed' }, MFA_FILTERS.map(([value, label]) => h('option', { value }, label)));
  mfaFilter.value = state.mfaAllowed;
  const mfaFilterField = h('div', { class: 'mfa-filter' }, h('label', { for: 'mfa-filter' }, 'Two-factor authentication'), mfaFilter);
  const bulkBar = h('div', { class: 'bulk-bar', hidden: true });
  // Focusable: a table wider than its card scrolls sideways, and a keyboard must be able to scroll it too.
  const tableArea = h('div', { class: 'table-wrap', tabindex: '0', role: 'region', 'aria-label': 'User table' },
    h('p', { class: 'loading' }, 'Loading users…'));
  const pager = h('div', { class: 'pager' });
  const listCard = h('section', { class: 'card card-flush', 'aria-label': 'User list' },
    h('div', { class: 'toolbar' }, searchForm, mfaFilterField, bulkBar),
    status, tableArea, pager);

  replace(root,
    h('div', { class: 'page-head' },
      h('div', {}, h('h1', {}, 'Users'), h('p', { class: 'muted' }, 'Master users of your dealer. Sub-users follow their account.')),
      h('div', { class: 'page-actions' },
        mayCreate ? h('a', { class: 'button button-secondary', href: '#/users/import' }, 'Import users') : null,
        mayCreate ? h('a', { class: 'button button-primary', href: '#/users/new' }, 'Create user') : null)),
    listCard);

  let searchTimer = null;
  searchForm.addEventListener('submit', (event) => { event.preventDefault(); search(); });
  searchInput.addEventListener('input', () => { clearTimeout(searchTimer); searchTimer = setTimeout(search, 400); });

  // A selection made under other conditions would change users this view does not show: it starts again.
  mfaFilter.addEventListener('change', () => { state.mfaAllowed = mfaFilter.value; state.offset = 0; selected.clear(); load(); });

  /** Redraws parts of the list, keeping keyboard focus on the control that stands where the pressed one stood. */
  const redraw = (...parts) => keepFocus(listCard, () => { for (const part of parts) part(); }, FOCUS_AFTER);
  const drawPages = () => drawPager(pager, state, load, PAGE_SIZES);

  /** The list's conditions as panel/user/list parameters, shared by the page and "Select all". */
  function conditions() {
    const params = {};
    if (state.filter) params.filter = state.filter;
    if (state.mfaAllowed) params.mfa_allowed = state.mfaAllowed === 'true';
    return params;
  }

  function search() {
    clearTimeout(searchTimer);
    if (state.filter === searchInput.value.trim()) return;
    state.filter = searchInput.value.trim();
    state.offset = 0;
    selected.clear();
    load();
  }

  let loadSeq = 0;
  async function load() {
    const seq = ++loadSeq;
    // replaceState: the view is remembered for Back without a history entry per page or sort.
    if (root.contains(tableArea)) {
      history.replaceState(history.state, '', `#/users${viewQuery(state)}`);
      rememberListView(viewQuery(state));
    }
    tableArea.setAttribute('aria-busy', 'true');
    tableArea.classList.add('is-loading');
    try {
      const params = { ...conditions(), order_by: state.orderBy, ascending: state.ascending, offset: state.offset, limit: state.limit };
      const reply = await context.call('panel/user/list', params);
      if (seq !== loadSeq) return;
      // A remembered page past the end (users were removed since): the last page there is.
      if (reply.list.length === 0 && state.offset > 0 && reply.count > 0) {
        state.offset = Math.floor((reply.count - 1) / state.limit) * state.limit;
        load();
        return;
      }
      state.page = reply.list;
      state.count = reply.count;
      redraw(drawTable, drawPages, drawBulkBar);
    } catch (error) {
      if (seq === loadSeq && !error.sessionEnded) replace(status, notice('error', `The users could not be loaded. ${sentence(error.code)}`));
    } finally {
      if (seq === loadSeq) {
        tableArea.removeAttribute('aria-busy');
        tableArea.classList.remove('is-loading');
      }
    }
  }

  function onSort(key) {
    state.ascending = state.orderBy === key ? !state.ascending : true;
    state.orderBy = key;
    state.offset = 0;
    load();
  }

  function drawTable() {
    const sort = { orderBy: state.orderBy, ascending: state.ascending };
    const pageAll = h('input', { type: 'checkbox', id: 'select-page', 'data-focus': 'select-page', 'aria-label': 'Select all users on this page' });
    const allOnPage = state.page.length > 0 && state.page.every((u) => selected.has(u.id));
    pageAll.checked = allOnPage;
    pageAll.indeterminate = !allOnPage && state.page.some((u) => selected.has(u.id));
    pageAll.addEventListener('change', () => {
      for (const u of state.page) { if (pageAll.checked) selected.add(u.id); else selected.delete(u.id); }
      redraw(drawTable, drawBulkBar);
    });

    const rows = state.page.map((u) => {
      const box = h('input', { type: 'checkbox', 'aria-label': `Select ${u.login}` });
      box.checked = selected.has(u.id);
      box.addEventListener('change', () => {
        if (box.checked) selected.add(u.id); else selected.delete(u.id);
        // Marked in place, as a redraw would (which clearing and "Select all" do): the row keeps its focus.
        box.closest('tr').classList.toggle('is-selected', box.checked);
        drawBulkBar();
        const all = state.page.every((x) => selected.has(x.id));
        pageAll.checked = all;
        pageAll.indeterminate = !all && state.page.some((x) => selected.has(x.id));
      });
      return h('tr', { class: box.checked ? 'is-selected' : null },
        mayUpdate ? h('td', { class: 'col-check' }, box) : null,
        h('td', { class: 'col-id' }, String(u.id)),
        h('td', { class: 'col-login' }, h('a', { href: `#/users/${u.id}`, class: 'row-link' }, email(u.login))),
        h('td', { class: 'col-name' }, displayName(u)),
        h('td', {}, mfaBadge(u)),
        h('td', { class: 'col-date' }, (u.creation_date ?? '').slice(0, 10)));
    });

    const table = h('table', { class: 'table table-users' },
      h('caption', { class: 'visually-hidden' }, 'Users, sorted by the column marked as sorted'),
      h('thead', {}, h('tr', {},
        mayUpdate ? h('th', { scope: 'col', class: 'col-check' }, pageAll) : null,
        sortableHeader('ID', 'id', sort, onSort, 'col-id'),
        sortableHeader('Login', 'login', sort, onSort, 'col-login'),
        sortableHeader('Name', 'last_name', sort, onSort, 'col-name'),
        sortableHeader('Two-factor authentication', 'mfa_allowed', sort, onSort),
        h('th', { scope: 'col', class: 'col-date' }, 'Created'))),
      h('tbody', {}, rows));
    replace(tableArea, state.page.length ? table : emptyState());
  }

  /** What an empty page offers: a way out of a search that found nobody, or a new dealer's first step. */
  function emptyState() {
    const text = h('p', {}, emptyText());
    if (state.filter || state.mfaAllowed) {
      const clear = h('button', { type: 'button', class: 'button button-secondary' }, 'Show all users');
      clear.addEventListener('click', () => {
        searchInput.value = '';
        mfaFilter.value = '';
        Object.assign(state, { filter: '', mfaAllowed: '', offset: 0 });
        selected.clear();
        searchInput.focus();
        load();
      });
      return h('div', { class: 'empty' }, text, h('div', { class: 'empty-actions' }, clear));
    }
    if (!mayCreate) return h('div', { class: 'empty' }, text);
    // The buttons stand in the page's head already: a second pair of the same links would only be read twice.
    return h('div', { class: 'empty' }, text,
      h('p', {}, 'Add the first with Create user, or many at once from a CSV file with Import users, above.'));
  }

  function emptyText() {
    const mfaText = state.mfaAllowed === 'true' ? ' with two-factor authentication on' : state.mfaAllowed === 'false' ? ' with two-factor authentication off' : '';
    if (state.filter) return `No users${mfaText} match “${state.filter}”.`;
    return mfaText ? `No users${mfaText}.` : 'No users yet.';
  }

  function drawBulkBar() {
    if (!mayUpdate) return;
    bulkBar.hidden = selected.size === 0;
    if (selected.size === 0) { bulkBar.replaceChildren(); return; }
    const enable = h('button', { type: 'button', class: 'button button-primary button-small', 'data-focus': 'bulk-enable' }, 'Enable 2FA');
    const disable = h('button', { type: 'button', class: 'button button-secondary button-small', 'data-focus': 'bulk-disable' }, 'Disable 2FA');
    const clear = h('button', { type: 'button', class: 'button button-ghost button-small', 'data-focus': 'clear-selection' }, 'Clear selection');
    enable.addEventListener('click', () => bulk(enable, true));
    disable.addEventListener('click', () => bulk(disable, false));
    clear.addEventListener('click', () => { selected.clear(); redraw(drawTable, drawBulkBar); });
    const everyone = state.count > selected.size && state.page.every((u) => selected.has(u.id))
      ? h('button', { type: 'button', class: 'button button-link', 'data-focus': 'select-everyone' }, `Select all ${state.count} users`) : null;
    everyone?.addEventListener('click', () => whileBusy(everyone, selectEveryone, 'Selecting…'));
    // Focusable from script: where focus lands once "Select all" is done, so the new count is read out.
    replace(bulkBar, h('p', { class: 'bulk-count', tabindex: '-1', 'data-focus': 'bulk-count' }, `${selected.size} selected`), everyone, enable, disable, clear);
  }

  async function selectEveryone() {
    try {
      for (let offset = 0; offset < state.count; offset += 1000) {
        const params = { ...conditions(), order_by: 'id', ascending: true, offset, limit: 1000 };
        const reply = await context.call('panel/user/list', params);
        for (const u of reply.list) selected.add(u.id);
        if (reply.list.length === 0) break;
      }
    } catch (error) {
      if (!error.sessionEnded) replace(status, notice('error', `Not every user could be selected. ${sentence(error.code)}`));
    }
    redraw(drawTable, drawBulkBar);
  }

  async function bulk(button, enable) {
    // The button is busy ("Checking…") while the batches are dry-run, then again while an agreed change is sent;
    // in between, the modal dialog blocks other clicks.
    const ids = [...selected];
    const batches = [];
    for (let i = 0; i < ids.length; i += BATCH_SIZE) batches.push(ids.slice(i, i + BATCH_SIZE));
    const verb = enable ? 'Enable' : 'Disable';
    const forecast = await whileBusy(button, () => dryRun(enable, batches), 'Checking…');
    if (!forecast) return;
    const agreed = await confirmDialog({
      title: `${verb} two-factor authentication?`,
      text: `${ids.length} selected ${ids.length === 1 ? 'user' : 'users'} and their sub-users will ${enable ? 'be asked for an emailed code at their next sign-in' : 'sign in with their password only'}. Demo users stay exempt.`,
      details: [...forecast.lines, ...(batches.length > 1 ? [`Sent in ${batches.length} batches of at most ${BATCH_SIZE} users.`] : [])],
      confirm: verb,
      safe: true,
    });
    if (!agreed) return;

    await whileBusy(button, async () => {
      // One bulk change at a time: the other bulk buttons wait too (this one is busy, and keeps focus).
      for (const other of bulkBar.querySelectorAll('button')) if (other !== button) other.disabled = true;
      try {
        await runBulk(enable, ids, batches, forecast.figures);
      } finally {
        redraw(drawBulkBar);
      }
    });
  }

  /**
   * The dialog's figures: each batch as a dry run (nothing is written), added up. A batch the service would refuse
   * is named; figures that cannot be had are said so, and the change can still be confirmed. Null: the session ended.
   * `lines` for the dialog; `figures` per batch (none for a refused batch), or null when they could not be had.
   */
  async function dryRun(enable, batches) {
    const figures = [];
    const refused = [];
    for (let b = 0; b < batches.length; b++) {
      try {
        figures[b] = await context.call('panel/user/mfa/settings/update',
          { target: { type: 'selected', ids: batches[b] }, settings: enable ? mfa.enabled : mfa.disabled, dry_run: true });
      } catch (error) {
        if (error.sessionEnded) return null;
        if (error.code !== 201) return { lines: [`What it changes could not be checked: ${sentence(error.code)}`], figures: null };
        refused.push(`Batch ${b + 1} would change nothing: one of its users was not found.`);
      }
    }
    const found = figures.filter(Boolean);
    return { lines: [...(found.length ? [dryRunSentence(addFigures(found), enable)] : []), ...refused], figures };
  }

  async function runBulk(enable, ids, batches, figures) {
    const { box, line, bar: progress } = progressNotice('', 'Batches done', batches.length);
    replace(status, box);
    const applied = [];
    const refused = [];
    let stoppedAt = null;
    let failure = null;
    for (let b = 0; b < batches.length; b++) {
      const from = b * BATCH_SIZE + 1;
      const to = from + batches[b].length - 1;
      line.textContent = `Batch ${b + 1} of ${batches.length} (users ${from}–${to} of your selection)…`;
      try {
        await context.call('panel/user/mfa/settings/update', { target: { type: 'selected', ids: batches[b] }, settings: enable ? mfa.enabled : mfa.disabled });
        applied.push(b);
      } catch (error) {
        if (error.sessionEnded) return;
        if (error.code !== 201) { failure = { batch: b, error }; break; }
        refused.push(b);
        if (b < batches.length - 1) {
          const choice = await choiceDialog({
            title: `Batch ${b + 1} of ${batches.length} changed nothing`,
            text: `The service refused batch ${b + 1} (users ${from}–${to} of your selection): at least one of its users no longer exists or is not a master user of your dealer, so none of its ${batches[b].length} users were changed. ${applied.length ? 'The batches before it were applied.' : ''}`.trim(),
            choices: [{ value: 'stop', label: 'Stop here' }, { value: 'continue', label: 'Keep going', tone: 'primary' }],
          });
          if (choice === 'stop') { stoppedAt = b + 1; break; }
        }
      }
      progress.value = b + 1;
    }

    const changed = applied.reduce((n, b) => n + batches[b].length, 0);
    const parts = [`Two-factor authentication ${enable ? 'enabled' : 'disabled'}: applied to ${changed} of ${ids.length} selected ${ids.length === 1 ? 'user' : 'users'}${applied.length ? ` (${applied.length} of ${batches.length} ${batches.length === 1 ? 'batch' : 'batches'})` : ''}.${exemptText(applied, figures)}`];
    for (const b of refused) parts.push(`Batch ${b + 1} (users ${b * BATCH_SIZE + 1}–${b * BATCH_SIZE + batches[b].length}) changed nothing: one of its users was not found.`);
    if (stoppedAt !== null && stoppedAt < batches.length) parts.push(stoppedAt + 1 === batches.length ? `Stopped: batch ${batches.length} was not sent.` : `Stopped: batches ${stoppedAt + 1} to ${batches.length} were not sent.`);
    if (failure) parts.push(`Batch ${failure.batch + 1} failed and the rest were not sent: ${sentence(failure.error.code)}`);
    const tone = refused.length || failure || stoppedAt !== null ? 'warning' : 'success';
    replace(status, notice(tone, h('p', { class: 'summary-title' }, 'Summary'), parts.map((p) => h('p', {}, p))));
    for (const b of applied) for (const id of batches[b]) selected.delete(id);
    await load();
  }

  /** The demo users among the applied batches, as the dry run counted them: the setting is stored, but they stay exempt. */
  function exemptText(applied, figures) {
    if (applied.length === 0) return '';
    if (!figures || applied.some((b) => !figures[b])) return ' Demo users among them stay exempt.';
    const demo = applied.reduce((n, b) => n + figures[b].demo, 0);
    return demo > 0 ? ` ${demo} demo ${demo === 1 ? 'user stays' : 'users stay'} exempt.` : '';
  }

  if (!mayUpdate) bulkBar.remove();
  load();
}

/** The list's view from the hash query (#/users?q=jane&mfa=true&sort=login&order=desc&offset=25&limit=50). */
function viewFrom(query) {
  const q = new URLSearchParams(query ?? '');
  const limit = Number(q.get('limit'));
  const offset = Number(q.get('offset'));
  return {
    filter: (q.get('q') ?? '').trim(),
    mfaAllowed: ['true', 'false'].includes(q.get('mfa')) ? q.get('mfa') : '',
    orderBy: SORT_KEYS.includes(q.get('sort')) ? q.get('sort') : 'id',
    ascending: q.get('order') !== 'desc',
    limit: PAGE_SIZES.includes(limit) ? limit : PAGE_SIZES[0],
    offset: Number.isInteger(offset) && offset > 0 ? offset : 0,
  };
}

/** The hash query of a view; what is as on a first visit is left out. */
function viewQuery(state) {
  const q = new URLSearchParams();
  if (state.filter) q.set('q', state.filter);
  if (state.mfaAllowed) q.set('mfa', state.mfaAllowed);
  if (state.orderBy !== 'id') q.set('sort', state.orderBy);
  if (!state.ascending) q.set('order', 'desc');
  if (state.offset) q.set('offset', String(state.offset));
  if (state.limit !== PAGE_SIZES[0]) q.set('limit', String(state.limit));
  const text = q.toString();
  return text ? `?${text}` : '';
}
