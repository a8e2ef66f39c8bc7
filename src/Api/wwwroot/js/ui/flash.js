// A notice for the next screen: what a screen did before it navigated away (Create user), said on the screen it opens.
// Taken once, so a reload or a later visit of that screen does not repeat it.
let pending = null;

export function flashNext(text) {
  pending = text;
}

/** The notice left for this screen, if any; it is gone afterwards. */
export function takeFlash() {
  const text = pending;
  pending = null;
  return text;
}
