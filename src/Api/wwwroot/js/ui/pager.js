import { h, replace } from './dom.js';

/** Where focus goes when the pressed pager button is disabled on the page it led to (for keepFocus). */
export const PAGER_FOCUS = { 'page-next': ['page-previous'], 'page-previous': ['page-next'] };

/**
 * The pager under a server-paged table: rows per page, "first–last of count", Previous and Next. `state` holds
 * offset, limit and count; `load` fetches the page the state names.
 */
export function drawPager(root, state, load, sizes) {
  const first = state.count === 0 ? 0 : state.offset + 1;
  const last = Math.min(state.offset + state.limit, state.count);
  const size = h('select', { id: 'page-size', 'data-focus': 'page-size' }, sizes.map((n) => h('option', { value: String(n), selected: n === state.limit }, String(n))));
  size.addEventListener('change', () => { state.limit = Number(size.value); state.offset = 0; load(); });
  const previous = h('button', { type: 'button', class: 'button button-secondary button-small', 'data-focus': 'page-previous', disabled: state.offset === 0 }, 'Previous');
  const next = h('button', { type: 'button', class: 'button button-secondary button-small', 'data-focus': 'page-next', disabled: last >= state.count }, 'Next');
  previous.addEventListener('click', () => { state.offset = Math.max(0, state.offset - state.limit); load(); });
  next.addEventListener('click', () => { state.offset += state.limit; load(); });
  replace(root,
    h('div', { class: 'pager-size' }, h('label', { for: 'page-size' }, 'Rows per page'), size),
    h('p', { class: 'pager-range' }, `${first}–${last} of ${state.count}`),
    h('div', { class: 'pager-buttons' }, previous, next));
}
