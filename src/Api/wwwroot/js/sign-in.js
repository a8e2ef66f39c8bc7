// The end user's sign-in: password, then the emailed code when two-factor authentication applies.
import { call, sentence, userSession } from './navixy.js';
import { h, replace } from './ui/dom.js';
import { notice } from './ui/notice.js';
import { whileBusy } from './ui/busy.js';
import { showFieldErrors, showProblem, clearFieldErrors } from './ui/form-errors.js';
import { focusHeading } from './ui/focus.js';

const app = document.getElementById('app');
const CODE_LENGTH = 6;
const RESEND_SECONDS = 60;
const WRONG_CODES_PER_CODE = 5;
const PENDING_KEY = 'navixy.user.pending';

// What the service's limits and blocks mean on this page; other codes keep their general sentence.
function problem(error) {
  if (error.code === 15 && error.retryAfter > RESEND_SECONDS) {
    const minutes = Math.ceil(error.retryAfter / 60);
    return `Too many codes were sent to this email. Wait ${minutes} ${minutes === 1 ? 'minute' : 'minutes'} and try again.`;
  }
  if (error.code === 105) return 'Too many failed sign-in attempts or wrong codes for this account. Try again in 15 minutes.';
  if (error.code === 11) return 'Sign-in is blocked for this account\'s provider. Contact your service provider.';
  return sentence(error.code);
}

// The code step lives in sessionStorage beside the hash: the login, when the code was sent (the service refuses a
// resend for 60 s after) and the wrong guesses at it, so a reload or Back resumes the countdown and the tries left.
const pending = {
  read() {
    const raw = sessionStorage.getItem(PENDING_KEY);
    if (!raw) return null;
    try {
      const stored = JSON.parse(raw);
      if (typeof stored?.login === 'string') return { login: stored.login, sentAt: Number(stored.sentAt) || 0, wrong: Number(stored.wrong) || 0 };
    } catch {
      // Not JSON: a login kept by an earlier version of this page, with nothing known about its code.
    }
    return { login: raw, sentAt: 0, wrong: 0 };
  },
  save: (step) => sessionStorage.setItem(PENDING_KEY, JSON.stringify(step)),
  clear: () => sessionStorage.removeItem(PENDING_KEY),
};

function card(title, ...content) {
  return h('section', { class: 'auth-card card', 'aria-labelledby': 'auth-title' }, h('h1', { id: 'auth-title' }, title), ...content);
}

function renderPassword(message = null) {
  document.title = 'Sign in';
  const summary = h('div', {});
  const form = h('form', { class: 'stack', novalidate: true },
    h('div', { class: 'field' }, h('label', { for: 'login' }, 'Email'),
      h('input', { id: 'login', name: 'login', type: 'email', autocomplete: 'username', autocapitalize: 'none', spellcheck: 'false', required: true })),
    h('div', { class: 'field' }, h('label', { for: 'password' }, 'Password'),
      h('input', { id: 'password', name: 'password', type: 'password', autocomplete: 'current-password', required: true })),
    h('button', { type: 'submit', class: 'button button-primary button-block' }, 'Sign in'));
  replace(app, card('Sign in', message ? notice('info', message) : null, summary, form));
  form.elements.login.focus();
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    whileBusy(form.querySelector('button'), async () => {
      clearFieldErrors(form, summary);
      const login = form.elements.login.value.trim();
      try {
        const reply = await call('user/auth', { login, password: form.elements.password.value });
        if (reply.type === 'second_factor_required') {
          const step = { login, sentAt: Date.now(), wrong: 0 };
          pending.save(step);
          userSession.set(reply.hash);
          renderCode(step);
        } else {
          userSession.set(reply.hash);
          await renderSignedIn();
        }
      } catch (error) {
        if (error.code === 7) showFieldErrors(form, summary, error.errors, { login: { id: 'login', label: 'Email' }, password: { id: 'password', label: 'Password' } });
        else showProblem(summary, problem(error));
      }
    }, 'Signing in…');
  });
}

function renderCode(step) {
  const { login } = step;
  document.title = 'Verification required · Sign in';
  const summary = h('div', {});
  const status = h('p', { class: 'muted', 'aria-live': 'polite' });
  const boxes = Array.from({ length: CODE_LENGTH }, (_, i) => h('input', {
    id: `digit-${i + 1}`, class: 'digit', type: 'text', inputmode: 'numeric', autocomplete: i === 0 ? 'one-time-code' : 'off',
    maxlength: '1', pattern: '[0-9]', 'aria-label': `Digit ${i + 1} of ${CODE_LENGTH}`,
  }));
  const verify = h('button', { type: 'submit', class: 'button button-primary button-block' }, 'Verify');
  const resend = h('button', { type: 'button', class: 'button button-link' }, 'Resend code');
  const countdown = h('span', { class: 'countdown', 'aria-live': 'off' });
  let { wrong } = step;
  const remember = (sentAt) => { step.sentAt = sentAt; step.wrong = wrong; pending.save(step); };

  const form = h('form', { class: 'stack', novalidate: true },
    h('fieldset', { class: 'fieldset code-fieldset' },
      h('legend', {}, 'Verification code'),
      h('div', { class: 'digits' }, boxes)),
    verify,
    h('div', { class: 'resend-row' }, resend, countdown),
    status,
    h('button', { type: 'button', class: 'button button-ghost button-block', onclick: () => cancel() }, 'Use a different account'));
  replace(app, card('Verification required',
    h('p', {}, 'Enter the code sent to ', h('strong', {}, login)),
    summary, form));
  boxes[0].focus();

  boxes.forEach((box, i) => {
    box.addEventListener('input', () => {
      const digits = box.value.replace(/\D/g, '');
      if (digits.length > 1) { fill(digits, i); return; }
      box.value = digits;
      if (digits && i < CODE_LENGTH - 1) boxes[i + 1].focus();
      if (code().length === CODE_LENGTH && i === CODE_LENGTH - 1) form.requestSubmit();
    });
    box.addEventListener('keydown', (event) => {
      if (event.key === 'Backspace' && !box.value && i > 0) { event.preventDefault(); boxes[i - 1].value = ''; boxes[i - 1].focus(); }
      else if (event.key === 'ArrowLeft' && i > 0) { event.preventDefault(); boxes[i - 1].focus(); }
      else if (event.key === 'ArrowRight' && i < CODE_LENGTH - 1) { event.preventDefault(); boxes[i + 1].focus(); }
      else if (event.key.length === 1 && !/\d/.test(event.key) && !event.ctrlKey && !event.metaKey) event.preventDefault();
    });
    box.addEventListener('paste', (event) => {
      event.preventDefault();
      const digits = (event.clipboardData?.getData('text') ?? '').replace(/\D/g, '');
      if (digits) fill(digits, digits.length >= CODE_LENGTH ? 0 : i);
    });
    box.addEventListener('focus', () => box.select());
  });

  function fill(digits, from) {
    [...digits].slice(0, CODE_LENGTH - from).forEach((d, k) => { boxes[from + k].value = d; });
    boxes[Math.min(from + digits.length, CODE_LENGTH - 1)].focus();
  }

  const code = () => boxes.map((b) => b.value).join('');

  let timer = null;
  function startCountdown(from) {
    clearInterval(timer);
    const tick = () => {
      const left = Math.ceil((from + RESEND_SECONDS * 1000 - Date.now()) / 1000);
      if (left > 0) {
        resend.disabled = true;
        countdown.textContent = `You can ask for a new code in ${left} s`;
      } else {
        clearInterval(timer);
        resend.disabled = false;
        countdown.textContent = '';
      }
    };
    tick();
    timer = setInterval(tick, 1000);
  }
  startCountdown(step.sentAt);

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    whileBusy(verify, async () => {
      summary.replaceChildren();
      if (code().length !== CODE_LENGTH) {
        showProblem(summary, 'Enter all six digits of the code.');
        boxes.find((b) => !b.value)?.focus();
        return;
      }
      try {
        const reply = await call('user/auth/code/verify', { code: code() }, userSession.get());
        clearInterval(timer);
        pending.clear();
        userSession.set(reply.hash);
        await renderSignedIn();
      } catch (error) {
        if (error.code === 282) {
          wrong += 1;
          remember(step.sentAt);
          showProblem(summary, wrong >= WRONG_CODES_PER_CODE
            ? 'That code was wrong five times, so it no longer works. Use “Resend code” to get a new one.'
            : `${sentence(282)} (${WRONG_CODES_PER_CODE - wrong} ${WRONG_CODES_PER_CODE - wrong === 1 ? 'try' : 'tries'} left for this code.)`);
          boxes.forEach((b) => { b.value = ''; });
          boxes[0].focus();
        } else if (error.sessionEnded) {
          clearInterval(timer);
          cancel('Your sign-in took too long and has ended. Sign in again.');
        } else if (error.code === 11) {
          cancel(problem(error));
        } else {
          showProblem(summary, problem(error));
        }
      }
    }, 'Verifying…');
  });

  resend.addEventListener('click', () => whileBusy(resend, async () => {
    summary.replaceChildren();
    try {
      await call('user/auth/code/resend', {}, userSession.get());
      wrong = 0;
      remember(Date.now());
      status.textContent = `A new code was sent to ${login}. The previous code no longer works.`;
      // whileBusy's clean-up after this clears only its busy marks: the countdown's disabled stands.
      startCountdown(step.sentAt);
      boxes.forEach((b) => { b.value = ''; });
      boxes[0].focus();
    } catch (error) {
      if (error.code === 15 && error.retryAfter > RESEND_SECONDS) {
        showProblem(summary, problem(error));
      } else if (error.code === 15) {
        showProblem(summary, `A new code can be sent only once a minute${error.retryAfter ? `: wait ${error.retryAfter} s` : ''}. Check your inbox for the last one.`);
        // The service's clock says when the last code went: kept, so a reload counts down from it too.
        remember(Date.now() - (RESEND_SECONDS - (error.retryAfter ?? RESEND_SECONDS)) * 1000);
        startCountdown(step.sentAt);
      } else if (error.sessionEnded) {
        cancel('Your sign-in took too long and has ended. Sign in again.');
      } else if (error.code === 11) {
        cancel(problem(error));
      } else {
        showProblem(summary, problem(error));
      }
    }
  }, 'Sending…'));

  function cancel(message = null) {
    clearInterval(timer);
    const hash = userSession.get();
    userSession.clear();
    pending.clear();
    if (hash) call('user/logout', {}, hash).catch(() => {});
    renderPassword(message);
  }
}

async function renderSignedIn() {
  let user;
  try {
    user = (await call('user/get_info', {}, userSession.get())).user;
  } catch (error) {
    userSession.clear();
    renderPassword(error.sessionEnded ? 'Your session has ended. Sign in again.' : problem(error));
    return;
  }
  document.title = 'Signed in';
  const name = [user.first_name, user.middle_name, user.last_name].filter(Boolean).join(' ');
  const signOut = h('button', { type: 'button', class: 'button button-secondary button-block' }, 'Sign out');
  replace(app, card('You are signed in',
    notice('success', `Welcome, ${name || user.login}.`),
    h('dl', { class: 'details' },
      h('dt', {}, 'Name'), h('dd', {}, name || '—'),
      h('dt', {}, 'Email'), h('dd', {}, user.login),
      h('dt', {}, 'Account'), h('dd', {}, user.master_id ? `Sub-user of account ${user.master_id}` : 'Master account'),
      user.demo ? [h('dt', {}, 'Demo'), h('dd', {}, 'Yes')] : null),
    signOut));
  signOut.addEventListener('click', () => whileBusy(signOut, async () => {
    try { await call('user/logout', {}, userSession.get()); } catch { /* Forgotten here either way. */ }
    userSession.clear();
    renderPassword('You have signed out.');
  }, 'Signing out…'));
  focusHeading(app);
}

// A reload keeps the step the person was on: the hash lives in sessionStorage for this tab only.
if (userSession.get() && pending.read()) renderCode(pending.read());
else if (userSession.get()) renderSignedIn();
else renderPassword();
