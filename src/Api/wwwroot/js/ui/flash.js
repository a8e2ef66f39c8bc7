// A notice for the next screen: what a screen did before it navigated away (Create user), said on the screen it opens.
// Tied to that screen's address and taken by the next route whatever it shows, so it is said there once or nowhere.
let pending = null;

/** Leaves `text` for the screen at `address` (a hash such as `#/users/12`). */
export function flashNext(text, address) {
  pending = { text, address };
}

/** The notice left for the screen at `address`, if any; any notice is gone afterwards. */
export function takeFlash(address) {
  const text = pending?.address === address ? pending.text : null;
  pending = null;
  return text;
}
