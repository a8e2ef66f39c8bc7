// User card / Edit user: the profile from panel/user/read and the account's two-factor toggle.
import { mfa, sentence } from '../navixy.js';
import { h, replace, email } from '../ui/dom.js';
import { notice } from '../ui/notice.js';
import { mfaBadge, displayName } from '../ui/table.js';
import { usersBreadcrumb } from '../ui/list-view.js';

const LEGAL = { individual: 'Individual', legal_entity: 'Legal entity', sole_trader: 'Sole trader' };

export function render(root, context) {
  const id = Number(context.params[0]);
  document.title = 'User · Admin Panel';
  replace(root, h('p', { class: 'loading', 'aria-busy': 'true' }, 'Loading the user…'));
  load();

  async function load() {
    let reply;
    try {
      reply = await context.call('panel/user/read', { user_id: id });
    } catch (error) {
      if (error.sessionEnded) return;
      replace(root, usersBreadcrumb(), h('section', { class: 'card' }, h('h1', {}, 'User not available'),
        h('p', {}, notFound(error.code) ? 'No master user of your dealer has this id.' : sentence(error.code))));
      return;
    }
    draw(reply.value, reply.dealer_mfa_settings);
  }

  function draw(user, own) {
    document.title = `${user.login} · Users · Admin Panel`;
    const status = h('div', { class: 'status-area', 'aria-live': 'polite' });
    const badge = h('span', {}, mfaBadge(user));
    replace(root,
      h('div', { class: 'page-head' }, h('div', {}, usersBreadcrumb(), h('h1', {}, displayName(user) || user.login),
        h('p', { class: 'muted' }, email(user.login))), badge),
      // A plain box, not a live region: the announcer has said it already.
      context.flash ? h('div', { class: 'notice notice-success' }, context.flash) : null,
      h('div', { class: 'columns' },
        h('section', { class: 'card', 'aria-labelledby': 'profile-title' },
          h('h2', { id: 'profile-title' }, 'Profile'),
          h('dl', { class: 'details' }, profileRows(user).map(([term, value]) => [h('dt', {}, term), h('dd', {}, value || '—')]))),
        h('section', { class: 'card', 'aria-labelledby': 'security-title' },
          h('h2', { id: 'security-title' }, 'Security'),
          securityControls(user, own, status, badge),
          status)));
  }

  function securityControls(user, own, status, badge) {
    if (user.demo) {
      return notice('info', 'Demo users are exempt from two-factor authentication: they are never asked for a code.');
    }
    const toggle = h('input', { type: 'checkbox', role: 'switch', id: 'user-mfa', disabled: !context.can('users', 'update'), 'aria-describedby': 'user-mfa-hint' });
    toggle.checked = user.mfa_allowed;
    const hint = h('p', { class: 'check-hint', id: 'user-mfa-hint' }, hintText(user, own));
    // Busy as aria-disabled, not disabled: a disabled switch would drop keyboard focus; presses meanwhile are undone.
    toggle.addEventListener('click', (event) => { if (toggle.getAttribute('aria-disabled') === 'true') event.preventDefault(); });
    toggle.addEventListener('change', async () => {
      const on = toggle.checked;
      toggle.setAttribute('aria-disabled', 'true');
      toggle.setAttribute('aria-busy', 'true');
      replace(status, notice('info', 'Saving…'));
      try {
        await context.call('panel/user/mfa/settings/update', { target: { type: 'selected', ids: [user.id] }, settings: on ? mfa.enabled : mfa.disabled });
        replace(status, notice('success', `Two-factor authentication is now ${on ? 'on' : 'off'} for this user and its sub-users.`));
        const stored = await reread({ ...user, mfa_allowed: on, mfa_source: 'own', mfa_updated_at: null });
        replace(badge, mfaBadge(stored));
        hint.textContent = hintText(stored, true);
      } catch (error) {
        if (error.sessionEnded) return;
        toggle.checked = !on;
        replace(status, notice('error', `Nothing was changed. ${error.code === 201 ? 'The user no longer exists.' : sentence(error.code)}`));
      } finally {
        toggle.removeAttribute('aria-disabled');
        toggle.removeAttribute('aria-busy');
      }
    });
    const controls = h('div', { class: 'switch-row' },
      h('div', { class: 'check check-switch' }, toggle, h('label', { for: 'user-mfa' }, 'Two-factor authentication'), hint));
    if (!context.can('users', 'update')) controls.append(h('p', { class: 'muted' }, 'Your account can view this setting but not change it.'));
    return controls;
  }

  /** The user as stored after a change (for when it was set); `guess` if the read fails, the change stands anyway. */
  async function reread(guess) {
    try {
      return (await context.call('panel/user/read', { user_id: id })).value;
    } catch {
      return guess;
    }
  }
}

/** The switch's hint: what it does, and where the setting comes from (with when an own one was set). */
function hintText(user, own) {
  const source = own
    ? `This account has its own setting.${user.mfa_updated_at ? ` Set ${user.mfa_updated_at} UTC.` : ''}`
    : `This account follows the default of Settings → Security${user.mfa_source === 'none' ? ', which is not set (off)' : ''}.`;
  return `Asks for an emailed code at sign-in. Also applies to all sub-users of this account. ${source}`;
}

/** 201 for an id of no master user; 7 for one no user can have (a typed #/users/0 or #/users/abc): the same to a person. */
function notFound(code) {
  return code === 201 || code === 7;
}

function profileRows(u) {
  return [
    ['User ID', String(u.id)],
    ['Login', email(u.login)],
    ['Legal type', LEGAL[u.legal_type] ?? u.legal_type],
    ['Legal name', u.legal_name],
    ['Phone', u.phone],
    ['Address', [u.post_street_address, u.post_city, u.post_region, u.post_index, u.post_country].filter(Boolean).join(', ')],
    ['Activated', u.activated ? 'Yes' : 'No'],
    ['Demo user', u.demo ? 'Yes' : 'No'],
    ['Created', u.creation_date],
    ['Comment', u.comment],
  ];
}
