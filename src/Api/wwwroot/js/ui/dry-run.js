// What a dry run (`dry_run: true` on the MFA updates) found, as one sentence for a confirmation dialog.

const number = (n) => n.toLocaleString('en-US');
const users = (n) => `${number(n)} ${n === 1 ? 'user' : 'users'}`;

/** Adds up the figures of several dry runs (one per batch of selected ids). */
export function addFigures(all) {
  return all.reduce((sum, f) => ({ matched: sum.matched + f.matched, changed: sum.changed + f.changed, demo: sum.demo + f.demo }),
    { matched: 0, changed: 0, demo: 0 });
}

/** "Turns two-factor authentication on for 12,345 users; 3 demo users stay exempt." */
export function dryRunSentence({ matched, changed, demo }, on) {
  const state = on ? 'on' : 'off';
  const parts = [changed > 0 ? `Turns two-factor authentication ${state} for ${users(changed)}` : 'Changes no user’s two-factor authentication'];
  const already = matched - changed - demo;
  if (already > 0) parts.push(`${users(already)} already ${already === 1 ? 'has' : 'have'} it ${state}`);
  if (demo > 0) parts.push(`${number(demo)} demo ${demo === 1 ? 'user stays' : 'users stay'} exempt`);
  return `${parts.join('; ')}.`;
}
