/*
 * Small DOM helpers shared by the view parts. User text only ever goes in through textContent and
 * setAttribute: nothing here parses HTML.
 */

/**
 * @param {string} tag
 * @param {string | null} [className]
 * @param {string | number | null} [textContent]
 * @returns {any} the new element (typed loosely: callers make inputs, buttons, lists)
 */
export function element(tag, className, textContent) {
  const node = document.createElement(tag);
  if (className) {
    node.className = className;
  }
  if (textContent !== undefined && textContent !== null) {
    node.textContent = String(textContent);
  }
  return node;
}

/**
 * An element of the page by id, typed loosely (forms, inputs, dialogs).
 * @param {string} id
 * @returns {any}
 */
export function byId(id) {
  return document.getElementById(id);
}

/**
 * Only writes when the text differs, so an update touches nothing that did not change.
 * @param {Node | null} node
 * @param {unknown} value
 */
export function setText(node, value) {
  const next = String(value);
  if (node && node.textContent !== next) {
    node.textContent = next;
  }
}

/**
 * @param {HTMLElement | null} node
 * @param {string} property
 * @param {string} value
 */
export function setStyle(node, property, value) {
  if (node && node.style.getPropertyValue(property) !== value) {
    node.style.setProperty(property, value);
  }
}

/**
 * @param {Element | null} node
 * @param {string} name
 * @param {unknown} on
 */
export function toggleClass(node, name, on) {
  if (node && node.classList.contains(name) !== Boolean(on)) {
    node.classList.toggle(name, Boolean(on));
  }
}

/**
 * Save `text` as a file named `name`: a local blob URL, nothing leaves the browser.
 * @param {string} name
 * @param {string} type
 * @param {string} text
 */
export function download(name, type, text) {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const link = element("a");
  link.href = url;
  link.download = name;
  link.hidden = true;
  document.body.appendChild(link);
  link.click();
  link.remove();
  // Revoking at once can cancel the download in some browsers; the URL is local anyway.
  window.setTimeout(() => URL.revokeObjectURL(url), 10000);
}

/**
 * The element `selector` names inside `root`; a missing one stops the start-up with a message
 * that names it (main.js shows it on the page).
 * @param {ParentNode} root
 * @param {string} selector
 * @returns {any}
 */
export function requireElement(root, selector) {
  const found = root.querySelector(selector);
  if (!found) {
    throw new Error(`missing element ${selector}`);
  }
  return found;
}
