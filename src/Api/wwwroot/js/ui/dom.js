// Builds DOM with createElement; every string becomes text, never HTML.

/** h('p', { class: 'hint' }, 'text', child): attributes set as attributes, `on*` as listeners. */
export function h(tag, attributes = {}, ...children) {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes ?? {})) {
    if (value === false || value === null || value === undefined) continue;
    if (name.startsWith('on') && typeof value === 'function') element.addEventListener(name.slice(2), value);
    else if (name === 'text') element.textContent = value;
    else element.setAttribute(name, value === true ? '' : String(value));
  }
  append(element, children);
  return element;
}

function append(element, children) {
  for (const child of children.flat(Infinity)) {
    if (child === null || child === undefined || child === false) continue;
    element.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
}

/** Replaces the content of `root`. */
export function replace(root, ...children) {
  root.replaceChildren();
  append(root, children);
}

/** A visually hidden text for screen readers. */
export const hidden = (text) => h('span', { class: 'visually-hidden' }, text);

/** An email address that wraps, where it must, before its "@" and dots rather than mid-word. */
export function email(address) {
  return String(address).split(/(?=[@.])/).flatMap((part, i) => (i ? [h('wbr'), part] : [part]));
}
