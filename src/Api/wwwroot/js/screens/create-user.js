// Create user: the fields of panel/user/create and the Security section, sent in one create call.
import { mfa, sentence } from '../navixy.js';
import { h, replace } from '../ui/dom.js';
import { whileBusy } from '../ui/busy.js';
import { showFieldErrors, showProblem, clearFieldErrors } from '../ui/form-errors.js';
import { usersListHref, usersBreadcrumb } from '../ui/list-view.js';
import { flashNext } from '../ui/flash.js';

const LEGAL_TYPES = [['individual', 'Individual'], ['legal_entity', 'Legal entity'], ['sole_trader', 'Sole trader']];

// Parameter path of the protocol -> the field that shows it.
const FIELDS = [
  { param: 'user.login', name: 'login', label: 'Email (login)', type: 'email', autocomplete: 'off', required: true, section: 'account' },
  { param: 'password', name: 'password', label: 'Password', type: 'password', autocomplete: 'new-password', required: true, hint: '8 to 64 characters.', section: 'account' },
  { param: 'user.legal_type', name: 'legal_type', label: 'Legal type', options: LEGAL_TYPES, required: true, section: 'account' },
  { param: 'user.first_name', name: 'first_name', label: 'First name', required: true, section: 'person' },
  { param: 'user.middle_name', name: 'middle_name', label: 'Middle name', section: 'person' },
  { param: 'user.last_name', name: 'last_name', label: 'Last name', required: true, section: 'person' },
  { param: 'user.legal_name', name: 'legal_name', label: 'Legal name', hint: 'Required for a legal entity.', section: 'person' },
  { param: 'user.phone', name: 'phone', label: 'Phone', type: 'tel', hint: 'Digits only, up to 15.', inputmode: 'numeric', section: 'contact' },
  { param: 'user.post_country', name: 'post_country', label: 'Country', section: 'contact' },
  { param: 'user.post_region', name: 'post_region', label: 'Region', section: 'contact' },
  { param: 'user.post_city', name: 'post_city', label: 'City', section: 'contact' },
  { param: 'user.post_street_address', name: 'post_street_address', label: 'Street address', section: 'contact' },
  { param: 'user.post_index', name: 'post_index', label: 'Postcode', section: 'contact' },
  { param: 'locale', name: 'locale', label: 'Locale', value: 'en_US', required: true, hint: 'Such as en_US.', section: 'preferences' },
  { param: 'time_zone', name: 'time_zone', label: 'Time zone', value: 'UTC', required: true, hint: 'An IANA name such as Europe/London.', section: 'preferences' },
  { param: 'comment', name: 'comment', label: 'Comment', multiline: true, section: 'preferences' },
];

const USER_FIELDS = ['login', 'legal_type', 'first_name', 'middle_name', 'last_name', 'legal_name', 'phone', 'post_country', 'post_region', 'post_city', 'post_street_address', 'post_index'];

export function render(root, context) {
  document.title = 'Create user · Admin Panel';
  const summary = h('div', {});
  const mfaBox = h('input', { type: 'checkbox', id: 'f-mfa', name: 'mfa', disabled: true });
  const demoBox = h('input', { type: 'checkbox', id: 'f-demo', name: 'demo' });
  const submit = h('button', { type: 'submit', class: 'button button-primary' }, 'Create user');
  const errorFields = Object.fromEntries(FIELDS.map((f) => [f.param, { id: `f-${f.name}`, label: f.label }]));
  errorFields['user.dealer_mfa_settings'] = { id: 'f-mfa', label: 'Two-factor authentication' };

  const section = (title, key) => h('fieldset', { class: 'fieldset form-section' }, h('legend', {}, title),
    h('div', { class: 'grid' }, FIELDS.filter((f) => f.section === key).map(input)));

  const form = h('form', { class: 'stack', novalidate: true },
    section('Account', 'account'),
    section('Person or company', 'person'),
    section('Contact and address', 'contact'),
    section('Preferences', 'preferences'),
    h('fieldset', { class: 'fieldset form-section' }, h('legend', {}, 'Security'),
      h('div', { class: 'check' }, mfaBox, h('label', { for: 'f-mfa' }, 'Two-factor authentication'),
        h('p', { class: 'check-hint', id: 'f-mfa-hint' }, 'Security settings will also be applied to all sub-users')),
      h('div', { class: 'check' }, demoBox, h('label', { for: 'f-demo' }, 'Demo user'),
        h('p', { class: 'check-hint' }, 'Demo users are never asked for a second factor.'))),
    h('div', { class: 'form-actions' }, submit, h('a', { class: 'button button-ghost', href: usersListHref() }, 'Cancel')));
  mfaBox.setAttribute('aria-describedby', 'f-mfa-hint');
  markLegalNameRequired(form);
  form.elements.legal_type.addEventListener('change', () => markLegalNameRequired(form));

  replace(root,
    h('div', { class: 'page-head' }, h('div', {}, usersBreadcrumb(), h('h1', {}, 'Create user'))),
    h('section', { class: 'card', 'aria-label': 'New user' }, summary, form));

  // Pre-ticked when the dealer default asks for a code; usable once that is known, so the load cannot undo a click.
  context.call('panel/user/mfa/settings/default/read', {})
    .then((reply) => { mfaBox.checked = mfa.isOn(reply.value); })
    .catch(() => { /* Left unticked: the person decides. */ })
    .finally(() => { mfaBox.disabled = false; });

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    whileBusy(submit, async () => {
      clearFieldErrors(form, summary);
      const values = Object.fromEntries(new FormData(form));
      const user = {};
      for (const name of USER_FIELDS) if (values[name]?.trim()) user[name] = values[name].trim();
      user.demo = demoBox.checked;
      user.dealer_mfa_settings = mfaBox.checked ? mfa.enabled : mfa.disabled;
      const params = { user, password: values.password, locale: values.locale.trim(), time_zone: values.time_zone.trim() };
      if (values.comment.trim()) params.comment = values.comment.trim();
      try {
        const reply = await context.call('panel/user/create', params);
        // Said on the card it opens: as a notice there, and to screen readers by the announcer.
        context.announce('User created.');
        flashNext('User created.', `#/users/${reply.id}`);
        context.navigate(`#/users/${reply.id}`);
      } catch (error) {
        if (error.sessionEnded) return;
        if (error.code === 7) showFieldErrors(form, summary, inFormOrder(error.errors), errorFields);
        else if (error.code === 206) showFieldErrors(form, summary, [{ parameter: 'user.login', error: 'is already in use' }], errorFields);
        else showProblem(summary, sentence(error.code));
      }
    }, 'Creating…');
  });
}

/** A legal entity must have a legal name (the service says so): the field is marked required only while it must. */
function markLegalNameRequired(form) {
  const required = form.elements.legal_type.value === 'legal_entity';
  const label = form.querySelector('label[for="f-legal_name"]');
  // Removed, not hidden: the label's text is what every reader of it gets.
  if (required) label.querySelector('.optional')?.remove();
  else if (!label.querySelector('.optional')) label.append(optionalMark());
  if (required) form.elements.legal_name.setAttribute('aria-required', 'true');
  else form.elements.legal_name.removeAttribute('aria-required');
}

// The service lists errors in its own order; the summary follows the form's, so its first link is the first field.
const FORM_ORDER = [...FIELDS.map((f) => f.param), 'user.dealer_mfa_settings', 'user.demo'];

/** `errors` sorted as their fields stand in the form; parameters without a field keep their order, at the end. */
function inFormOrder(errors) {
  const place = (e) => { const i = FORM_ORDER.indexOf(e.parameter); return i === -1 ? FORM_ORDER.length : i; };
  return [...(errors ?? [])].sort((a, b) => place(a) - place(b));
}

/** The mark of a field that may be left empty, part of its label's text. */
function optionalMark() {
  return h('span', { class: 'optional' }, ' (optional)');
}

function input(f) {
  const id = `f-${f.name}`;
  const hintId = f.hint ? `${id}-hint` : null;
  let control;
  if (f.options) {
    control = h('select', { id, name: f.name }, f.options.map(([value, text]) => h('option', { value }, text)));
  } else if (f.multiline) {
    control = h('textarea', { id, name: f.name, rows: '3' });
  } else {
    control = h('input', { id, name: f.name, type: f.type ?? 'text', autocomplete: f.autocomplete ?? 'off', inputmode: f.inputmode, value: f.value });
  }
  if (hintId) control.setAttribute('aria-describedby', hintId);
  if (f.required) control.setAttribute('aria-required', 'true');
  return h('div', { class: `field${f.multiline ? ' field-wide' : ''}` },
    h('label', { for: id }, f.label, f.required ? null : optionalMark()),
    hintId ? h('p', { class: 'field-hint', id: hintId }, f.hint) : null,
    control);
}
