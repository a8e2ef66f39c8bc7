// Import users: a ;-separated CSV file to panel/user/upload; a refused file names its row.
import { sentence, upload } from '../navixy.js';
import { h, replace } from '../ui/dom.js';
import { notice, progressNotice } from '../ui/notice.js';
import { whileBusy } from '../ui/busy.js';
import { clearFieldErrors, showFieldErrors } from '../ui/form-errors.js';
import { usersListHref, usersBreadcrumb } from '../ui/list-view.js';

const EXAMPLE = 'login;first_name;last_name;legal_type;password\njane@example.com;Jane;Doe;individual;Passw0rd!';

export function render(root, context) {
  document.title = 'Import users · Admin Panel';
  const status = h('div', { class: 'status-area', 'aria-live': 'polite' });
  const file = h('input', { type: 'file', id: 'csv-file', name: 'file', accept: '.csv,text/csv', required: true, 'aria-describedby': 'csv-hint' });
  const submit = h('button', { type: 'submit', class: 'button button-primary' }, 'Import');
  // novalidate: a missing file is said in the page's own error summary, not the browser's bubble.
  const form = h('form', { class: 'stack', novalidate: true },
    h('div', { class: 'field' },
      h('label', { for: 'csv-file' }, 'CSV file'),
      h('p', { class: 'field-hint', id: 'csv-hint' },
        'Separated by semicolons, with a header row. Required columns: login, first_name, last_name, legal_type, password. Optional: middle_name, legal_name, phone, post_country, post_region, post_city, post_street_address, post_index, locale, time_zone, comment, demo. At most 10,000 rows. The file is imported whole or not at all.'),
      file),
    h('details', { class: 'example' }, h('summary', {}, 'Example file'), h('pre', {}, EXAMPLE)),
    h('p', { class: 'muted' }, 'Imported users follow the default of Settings → Security, as new users do.'),
    h('div', { class: 'form-actions' }, submit, h('a', { class: 'button button-ghost', href: usersListHref() }, 'Back to users')));

  replace(root,
    h('div', { class: 'page-head' }, h('div', {}, usersBreadcrumb(), h('h1', {}, 'Import users'))),
    h('section', { class: 'card', 'aria-label': 'Import' }, status, form));

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    // A press while an import runs changes nothing: its progress notice stays.
    if (submit.dataset.busy === 'true') return;
    clearFieldErrors(form, status);
    if (!file.files.length) {
      showFieldErrors(form, status, [{ parameter: 'file', error: 'is required: choose one to import' }], { file: { id: 'csv-file', label: 'CSV file' } });
      return;
    }
    whileBusy(submit, async () => {
      replace(status, progressNotice(`Importing ${file.files[0].name}…`, 'Importing').box);
      try {
        const reply = await upload('panel/user/upload', file.files[0], context.hash());
        replace(status, notice('success', h('p', {}, `Imported ${reply.total} ${reply.total === 1 ? 'user' : 'users'}.`), h('p', {}, h('a', { href: '#/users' }, 'See the users'))));
        form.reset();
      } catch (error) {
        if (error.sessionEnded) { context.onSessionEnded(error); return; }
        replace(status, refusal(error, await separatedByCommas(file.files[0])));
        status.firstElementChild.focus();
      }
    }, 'Importing…');
  });
}

function refusal(error, commas) {
  const row = error.rowNumber ? `Row ${error.rowNumber}: ` : '';
  const items = [];
  if (error.code === 7) {
    // The person knows the file's columns, not the API's parameter paths: user.login is the column login.
    for (const e of error.errors) {
      if (e.parameter === 'file') items.push(`${row}${aboutTheFile(e.error)}`);
      else items.push(fullStop(`${row}${e.parameter.replace(/^user\./, '')} ${e.error}`));
    }
    // The service reads ';' only, so a comma-separated header is one unknown column: say why its columns are missing.
    if (commas && error.errors.some((e) => e.parameter === 'file' && e.error.startsWith('header lacks'))) {
      items.push('The header looks separated by commas: the columns must be separated by semicolons (;).');
    }
  } else if (error.code === 206) {
    items.push(row ? `${row}login is already in use.` : sentence(error.code));
  } else {
    items.push(sentence(error.code));
  }
  // The service names one row at a time (the file's layout is read first, then each row's values, then the logins
  // in use), so another row, earlier or later, may be named on the next upload: only this one is promised.
  const next = error.rowNumber
    ? `Nothing was imported. Correct row ${error.rowNumber} and upload the file again (row 1 is the header); the service names one row at a time, so the next upload may name another.`
    : 'Nothing was imported.';
  return h('div', { class: 'error-summary', role: 'alert', tabindex: '-1' },
    h('h2', { class: 'error-summary-title' }, 'The file was not imported'),
    h('p', {}, next),
    h('ul', { class: 'error-summary-list' }, items.map((t) => h('li', {}, t))));
}

/** A file error as a sentence: "The header lacks column(s): …", "The file must be UTF-8 text.", or the service's own sentence. */
function aboutTheFile(error) {
  if (/^[A-Z]/.test(error)) return fullStop(error);
  return fullStop(error.startsWith('header ') ? `The ${error}` : `The file ${error}`);
}

/** `text` ending as a sentence does, whether or not the service ended it. */
function fullStop(text) {
  return /[.!?]$/.test(text) ? text : `${text}.`;
}

/** Whether the file's first line holds commas and no semicolon (a spreadsheet's default CSV). */
async function separatedByCommas(file) {
  try {
    const first = (await file.slice(0, 4096).text()).split(/\r?\n/)[0];
    return first.includes(',') && !first.includes(';');
  } catch {
    return false;
  }
}
