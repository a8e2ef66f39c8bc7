// Settings → Security: the dealer default, applied to every user after a confirmation that states a dry run's
// figures, the two calls in order.
import { mfa, sentence } from '../navixy.js';
import { h, replace } from '../ui/dom.js';
import { notice, progressNotice } from '../ui/notice.js';
import { whileBusy } from '../ui/busy.js';
import { confirmDialog } from '../ui/dialog.js';
import { dryRunSentence } from '../ui/dry-run.js';
import { focusIfLost } from '../ui/focus.js';

export function render(root, context) {
  document.title = 'Security · Settings · Admin Panel';
  const mayUpdate = context.can('users', 'update');
  let saved = false;

  const status = h('div', { class: 'status-area', 'aria-live': 'polite' });
  // Disabled until the stored default is known, so a click cannot be overwritten by the load; mixed meanwhile, so an
  // unknown setting does not read as off.
  const email = h('input', { type: 'checkbox', id: 'factor-email', name: 'email', disabled: true });
  email.indeterminate = true;
  const loading = h('p', { class: 'loading' }, 'Loading the current settings…');
  const save = h('button', { type: 'submit', class: 'button button-primary', disabled: true }, 'Save');
  const form = h('form', { class: 'stack', 'aria-busy': 'true' },
    h('p', { class: 'hint hint-info' }, 'The security settings will be applied to all platform users, except the demo user'),
    h('fieldset', { class: 'fieldset' },
      h('legend', {}, 'Two-factor authentication'),
      h('p', { class: 'muted', id: 'factors-hint' }, 'Users are asked for a one-time code after their password.'),
      factor(email, 'factor-email', 'Email', 'A six-digit code is emailed at each sign-in.'),
      factor(h('input', { type: 'checkbox', id: 'factor-totp', disabled: true }), 'factor-totp', 'Authenticator apps', null, true),
      factor(h('input', { type: 'checkbox', id: 'factor-sms', disabled: true }), 'factor-sms', 'SMS', null, true)),
    mayUpdate ? h('div', { class: 'form-actions' }, save)
      : notice('info', 'Your account can view these settings but not change them.'));

  replace(root,
    h('div', { class: 'page-head' }, h('div', {},
      h('p', { class: 'breadcrumb' }, 'Settings'),
      h('h1', {}, 'Security'))),
    h('section', { class: 'card', 'aria-label': 'Security settings' }, status, loading, form));

  email.addEventListener('change', () => { save.disabled = email.checked === saved; });
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    if (save.disabled) return;
    // The modal dialog blocks a second submission while it is open; the calls then run with Save busy.
    const forecast = await whileBusy(save, () => dryRun(email.checked), 'Checking…');
    if (!forecast) return;
    const agreed = await confirmDialog({
      title: 'Apply security settings?',
      text: 'The security settings will be applied to all platform users and sub-users, except the demo user.',
      details: forecast,
      confirm: 'Apply',
      safe: true,
    });
    if (!agreed) {
      email.checked = saved;
      save.disabled = true;
      // Save is no longer offered: the checkbox it saved is where to go on from.
      focusIfLost(email);
      return;
    }
    email.disabled = true;
    await whileBusy(save, apply, 'Applying…');
    email.disabled = false;
    // Save is offered again only while the checkbox differs from what is stored.
    save.disabled = email.checked === saved;
    focusIfLost(email);
  });

  /** Apply ends with every user's own setting equal to the new one, so the dry run of `update` all says what it does. */
  async function dryRun(on) {
    try {
      const figures = await context.call('panel/user/mfa/settings/update', { target: { type: 'all' }, settings: on ? mfa.enabled : mfa.disabled, dry_run: true });
      return [dryRunSentence(figures, on)];
    } catch (error) {
      if (error.sessionEnded) return null;
      return [`What it changes could not be checked: ${sentence(error.code)}`];
    }
  }

  async function load() {
    try {
      const reply = await context.call('panel/user/mfa/settings/default/read', {});
      saved = mfa.isOn(reply.value);
      email.indeterminate = false;
      email.checked = saved;
      email.disabled = !mayUpdate;
      form.removeAttribute('aria-busy');
    } catch (error) {
      if (!error.sessionEnded) replace(status, notice('error', `The settings could not be loaded. ${sentence(error.code)}`));
    } finally {
      loading.remove();
    }
  }

  async function apply() {
    const on = email.checked;
    const settings = on ? mfa.enabled : mfa.disabled;
    replace(status, progressNotice('Saving the default for new users…', 'Applying').box);
    try {
      await context.call('panel/user/mfa/settings/default/update', { settings });
    } catch (error) {
      if (error.sessionEnded) return;
      email.checked = saved;
      save.disabled = true;
      replace(status, notice('error', h('p', {}, `Nothing was changed. ${sentence(error.code)}`)));
      return;
    }
    saved = on;
    save.disabled = true;
    await applyToAll(on, settings);
  }

  async function applyToAll(on, settings) {
    replace(status, progressNotice('The default is saved. Applying it to every user (on a large dealer this takes a while)…', 'Applying').box);
    try {
      await context.call('panel/user/mfa/settings/update', { target: { type: 'all' }, settings });
      replace(status, notice('success', `Two-factor authentication by email is now ${on ? 'on' : 'off'} for all users and new users, except demo users.`));
      context.announce('Security settings applied.');
    } catch (error) {
      if (error.sessionEnded) return;
      const retry = h('button', { type: 'button', class: 'button button-primary button-small' }, 'Retry');
      retry.addEventListener('click', () => whileBusy(retry, () => applyToAll(on, settings), 'Retrying…'));
      replace(status, notice('warning', h('p', { class: 'summary-title' }, 'Applied only in part'),
        h('p', {}, `The default is saved: two-factor authentication ${on ? 'on' : 'off'} for new users and for users who follow the default. Applying it to all users failed, so users with a setting of their own keep it. ${sentence(error.code)}`),
        h('div', { class: 'notice-actions' }, retry)));
      retry.focus();
    }
  }

  load();
}

function factor(input, id, label, hint, comingSoon = false) {
  return h('div', { class: `check${comingSoon ? ' check-disabled' : ''}` },
    input,
    h('label', { for: id }, label, comingSoon ? h('span', { class: 'badge badge-soon' }, 'coming soon') : null),
    hint ? h('p', { class: 'check-hint' }, hint) : null);
}
