// The admin console: panel sign-in, the session, the header and the routes of the screens.
import { call, can, panelSession, sentence } from './navixy.js';
import { h, replace } from './ui/dom.js';
import { notice } from './ui/notice.js';
import { whileBusy } from './ui/busy.js';
import { showFieldErrors, showProblem, clearFieldErrors } from './ui/form-errors.js';
import * as users from './screens/users.js';
import * as createUser from './screens/create-user.js';
import * as userCard from './screens/user-card.js';
import * as importUsers from './screens/import.js';
import * as security from './screens/security.js';
import * as securityLog from './screens/security-log.js';
import { forgetListView } from './ui/list-view.js';
import { takeFlash } from './ui/flash.js';

const main = document.getElementById('main');
const nav = document.getElementById('nav');
const account = document.getElementById('account');
const announcer = document.getElementById('announcer');

const ROUTES = [
  { pattern: /^#\/users\/new$/, screen: createUser, nav: 'users', needs: ['users', 'create'] },
  { pattern: /^#\/users\/import$/, screen: importUsers, nav: 'users', needs: ['users', 'create'] },
  { pattern: /^#\/users\/(\d+)$/, screen: userCard, nav: 'users', needs: ['users', 'read'] },
  { pattern: /^#\/users(?:\?(.*))?$/, screen: users, nav: 'users', needs: ['users', 'read'] },
  { pattern: /^#\/settings\/security$/, screen: security, nav: 'settings', needs: ['users', 'read'] },
  { pattern: /^#\/security-log$/, screen: securityLog, nav: 'security-log', needs: ['audit', 'read'] },
];

let session = null;

/** What every screen gets: the session's calls, its permissions, navigation and announcements. */
function contextFor(match, flash) {
  return {
    params: match.slice(1),
    /** A notice the previous screen left for this one ("User created."), or null. */
    flash,
    permissions: session.permissions,
    can: (category, action) => can(session.permissions, category, action),
    login: session.login,
    call: async (action, params) => {
      try {
        return await call(action, params, session.hash);
      } catch (error) {
        if (error.sessionEnded) endSession(sentence(error.code));
        throw error;
      }
    },
    hash: () => session.hash,
    onSessionEnded: (error) => endSession(sentence(error.code)),
    navigate: (hash) => { location.hash = hash; },
    announce: (text) => { announcer.textContent = ''; setTimeout(() => { announcer.textContent = text; }, 50); },
  };
}

function route() {
  if (!session) return;
  const target = location.hash || home();
  for (const r of ROUTES) {
    const match = target.match(r.pattern);
    if (!match) continue;
    markNav(r.nav);
    main.replaceChildren();
    if (!can(session.permissions, ...r.needs)) {
      replace(main, h('section', { class: 'card' }, h('h1', {}, 'Not available'), h('p', {}, sentence(13))));
    } else {
      r.screen.render(main, contextFor(match, takeFlash(target)));
    }
    main.focus({ preventScroll: true });
    return;
  }
  location.replace(home());
}

/** The first screen: Users, or the Security log for an account that may read only that. */
function home() {
  return !can(session.permissions, 'users', 'read') && can(session.permissions, 'audit', 'read') ? '#/security-log' : '#/users';
}

function markNav(active) {
  for (const link of nav.querySelectorAll('a')) {
    if (link.dataset.nav === active) link.setAttribute('aria-current', 'page'); else link.removeAttribute('aria-current');
  }
}

function showChrome() {
  const links = [];
  if (can(session.permissions, 'users', 'read')) {
    links.push(h('a', { href: '#/users', 'data-nav': 'users' }, 'Users'));
    links.push(h('a', { href: '#/settings/security', 'data-nav': 'settings' }, 'Settings'));
  }
  if (can(session.permissions, 'audit', 'read')) links.push(h('a', { href: '#/security-log', 'data-nav': 'security-log' }, 'Security log'));
  replace(nav, links);
  nav.hidden = false;
  // The logo leads to the first screen this account may see, not to a list it may not read.
  document.querySelector('.brand').setAttribute('href', home());
  const signOut = h('button', { type: 'button', class: 'button button-ghost' }, 'Sign out');
  signOut.addEventListener('click', () => whileBusy(signOut, async () => {
    try {
      await call('panel/account/logout', {}, session.hash);
    } catch {
      // The session is forgotten here whatever the service answered: the next call would be refused anyway.
    }
    endSession('You have signed out.', 'success');
  }, 'Signing out…'));
  replace(account, h('span', { class: 'account-login' }, session.login ?? ''), signOut);
  account.hidden = false;
}

function endSession(reason, tone = 'warning') {
  panelSession.clear();
  forgetListView();
  sessionStorage.removeItem('navixy.panel.login');
  session = null;
  renderSignIn(reason, tone);
}

function renderSignIn(reason = null, tone = 'warning') {
  nav.hidden = true;
  account.hidden = true;
  document.title = 'Sign in · Admin Panel';
  const summary = h('div', {});
  const form = h('form', { class: 'stack', novalidate: true },
    field('login', 'Login', { autocomplete: 'username', autocapitalize: 'none', spellcheck: 'false' }),
    field('password', 'Password', { type: 'password', autocomplete: 'current-password' }),
    h('button', { type: 'submit', class: 'button button-primary button-block' }, 'Sign in'));
  replace(main, h('section', { class: 'auth-card card', 'aria-labelledby': 'sign-in-title' },
    h('h1', { id: 'sign-in-title' }, 'Sign in to Admin Panel'),
    h('p', { class: 'muted' }, 'Use your panel account to manage users and their security.'),
    reason ? notice(tone, reason) : null,
    summary,
    form));
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const button = form.querySelector('button[type="submit"]');
    whileBusy(button, async () => {
      clearFieldErrors(form, summary);
      const login = form.elements.login.value.trim();
      const password = form.elements.password.value;
      try {
        const reply = await call('panel/account/auth', { login, password });
        panelSession.set(reply.hash);
        sessionStorage.setItem('navixy.panel.login', login);
        await start();
      } catch (error) {
        if (error.code === 7) showFieldErrors(form, summary, error.errors, { login: { id: 'login', label: 'Login' }, password: { id: 'password', label: 'Password' } });
        else showProblem(summary, error.code === 15 ? 'Too many failed sign-in attempts. Wait a few minutes and try again.' : sentence(error.code));
      }
    }, 'Signing in…');
  });
  form.elements.login.focus();
}

function field(name, label, attributes = {}) {
  return h('div', { class: 'field' },
    h('label', { for: name }, label),
    h('input', { id: name, name, type: 'text', required: true, ...attributes }));
}

async function start() {
  const hash = panelSession.get();
  if (!hash) {
    renderSignIn();
    return;
  }
  try {
    const reply = await call('panel/account/get_permissions', {}, hash);
    session = { hash, permissions: reply.permissions ?? {}, login: sessionStorage.getItem('navixy.panel.login') };
  } catch (error) {
    if (error.sessionEnded) endSession(sentence(error.code));
    else renderSignIn(sentence(error.code));
    return;
  }
  showChrome();
  if (!location.hash || location.hash === '#') location.replace(home());
  route();
}

window.addEventListener('hashchange', route);
start();
