// The users list's last view in this tab (search, 2FA filter, sort, page), so the links back to the list from a user
// card, Create user and Import users return to it as Back does. Forgotten when the session ends.
import { h } from './dom.js';

let lastQuery = '';

/** Called by the list whenever its view changes: `query` is the hash query it shows (`?q=jane&offset=25`, or ''). */
export function rememberListView(query) {
  lastQuery = query;
}

export function forgetListView() {
  lastQuery = '';
}

/** The address of the users list as it was last seen. */
export function usersListHref() {
  return `#/users${lastQuery}`;
}

/** The "Users" breadcrumb of the screens under the list. */
export function usersBreadcrumb() {
  return h('p', { class: 'breadcrumb' }, h('a', { href: usersListHref() }, 'Users'));
}
