/** Small DOM helpers for the browser modules: a required element, an element builder, a definition-list row. */

/** The element `selector` finds under `root`; the page's markup always has it, so a miss is a bug. */
export function required<T extends Element>(root: ParentNode, selector: string, where = 'page'): T {
  const element = root.querySelector<T>(selector);
  if (!element) throw new Error(`${where}: missing ${selector}`);
  return element;
}

/** `<tag attrs…>text</tag>`. */
export function el<K extends keyof HTMLElementTagNameMap>(tag: K, attrs: Record<string, string> = {}, text?: string): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, v);
  if (text !== undefined) node.textContent = text;
  return node;
}

/** One `<div><dt>label</dt><dd>value</dd></div>` row of a definition list. */
export function fact(label: string, value: Node | string): HTMLElement {
  const div = el('div');
  div.append(el('dt', {}, label));
  const dd = el('dd');
  dd.append(value);
  div.append(dd);
  return div;
}
