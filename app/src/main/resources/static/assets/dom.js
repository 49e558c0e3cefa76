// Elements from data, text always inserted as text (issue 29): no HTML is built from strings, so nothing needs
// escaping by hand. A dozen lines of our own rather than a library: the pages need elements, attributes, classes and
// children, nothing a template engine adds, and nothing to vendor or keep up to date.

/** An element: {@code props} are attributes ({@code class}, {@code dataset}, {@code on<event>} handlers too); children are nodes or text. */
export function h(tag, props = {}, ...children) {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(props || {})) {
    if (value == null || value === false) continue;
    if (name === 'class') element.className = value;
    else if (name === 'dataset') Object.assign(element.dataset, value);
    else if (name.startsWith('on')) element.addEventListener(name.slice(2), value);
    else element.setAttribute(name, value === true ? '' : value);
  }
  append(element, children);
  return element;
}

/** Replaces what {@code parent} holds with {@code children} (nodes, text, or lists of them). */
export function fill(parent, ...children) {
  parent.replaceChildren();
  append(parent, children);
}

function append(parent, children) {
  for (const child of children.flat(Infinity)) {
    if (child == null || child === false || child === '') continue;
    parent.append(child instanceof Node ? child : String(child));
  }
}
