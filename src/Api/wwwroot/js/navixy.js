// The one place that speaks the Navixy protocol: the session hash, the envelope, error codes as sentences.
// Screens call these functions and never fetch on their own.

const PANEL_KEY = 'navixy.panel.hash';
const USER_KEY = 'navixy.user.hash';

/** A Navixy error reply: the code, its sentence, the parameters at fault (7) and the CSV row (upload). */
export class NavixyError extends Error {
  constructor(code, description, errors = [], rowNumber = null, retryAfter = null) {
    super(description);
    this.code = code;
    this.errors = errors;
    this.rowNumber = rowNumber;
    this.retryAfter = retryAfter;
  }

  /** True when the session is missing, unknown, expired or logged out. */
  get sessionEnded() {
    return this.code === 3 || this.code === 4;
  }
}

const SENTENCES = {
  0: 'The service cannot be reached. Check your connection and try again.',
  1: 'The database reported an error. Nothing was changed; try again.',
  3: 'You are not signed in. Please sign in.',
  4: 'Your session has ended (it expired or was signed out). Please sign in again.',
  5: 'The request was not understood by the service.',
  6: 'Something went wrong on the server. Try again in a moment.',
  7: 'Some of the values need correcting.',
  9: 'The request is too large for the service.',
  11: 'Access is blocked for this dealer. Contact your platform provider.',
  12: 'The login or password is not right.',
  13: 'Your account does not have permission to do this.',
  14: 'The service cannot reach its database right now. Try again in a moment.',
  15: 'Too many attempts in a short time. Wait a little and try again.',
  102: 'The email or password is not right.',
  103: 'This account has not been activated yet.',
  105: 'Too many failed sign-in attempts. Try again in 15 minutes.',
  201: 'It was not found: it may have been removed, or it belongs to another dealer.',
  206: 'This login is already in use.',
  209: 'The email with your code could not be sent. Try again in a moment.',
  274: 'The file holds no user rows.',
  276: 'This session still needs its verification code.',
  282: 'That code is not right or has expired. Check the latest email and try again.',
};

/** The sentence a person reads for an error code; screens may say more where they know the context. */
export function sentence(code) {
  return SENTENCES[code] ?? `The service answered with error ${code}.`;
}

export const panelSession = sessionSlot(PANEL_KEY);
export const userSession = sessionSlot(USER_KEY);

function sessionSlot(key) {
  // sessionStorage only: the hash lives as long as the tab, never in localStorage or a URL.
  return {
    get: () => sessionStorage.getItem(key),
    set: (hash) => sessionStorage.setItem(key, hash),
    clear: () => sessionStorage.removeItem(key),
  };
}

/**
 * Calls a Navixy action with a JSON body; resolves with the success payload, rejects with a NavixyError.
 * `hash` is sent as `Authorization: NVX <hash>`.
 */
export async function call(action, params = {}, hash = null) {
  return send(action, JSON.stringify(params), { 'Content-Type': 'application/json' }, hash);
}

/** Sends a file as the multipart part `file` (panel/user/upload). */
export async function upload(action, file, hash) {
  const body = new FormData();
  body.append('file', file, file.name);
  return send(action, body, {}, hash);
}

async function send(action, body, headers, hash) {
  if (hash) headers.Authorization = `NVX ${hash}`;
  let response;
  try {
    response = await fetch(`/v2/${action}`, { method: 'POST', body, headers, credentials: 'omit', cache: 'no-store' });
  } catch {
    throw new NavixyError(0, sentence(0));
  }
  let reply;
  try {
    reply = await response.json();
  } catch {
    throw new NavixyError(6, sentence(6));
  }
  if (reply.success === true) return reply;
  const status = reply.status ?? {};
  const retryAfter = Number(response.headers.get('Retry-After')) || null;
  throw new NavixyError(status.code ?? 6, status.description ?? '', reply.errors ?? [], reply.row_number ?? null, retryAfter);
}

/** The MFA settings objects of the protocol. */
export const mfa = {
  enabled: { type: 'allowed', factor_types: ['email'] },
  disabled: { type: 'disallowed' },
  isOn: (settings) => settings?.type === 'allowed',
};

/** Whether a permission map grants an action, e.g. can(p, 'users', 'update'). */
export function can(permissions, category, action) {
  return Array.isArray(permissions?.[category]) && permissions[category].includes(action);
}
