/* Controls the parts build: buttons, checkboxes and labelled fields. Text goes in as text only. */

import { element } from "./dom.js";

/**
 * A <button type="button">.
 * @param {string} label
 * @param {{id?: string, className?: string}} [options]
 * @returns {any}
 */
export function button(label, options = {}) {
  const node = element("button", `wwc-sc-button${options.className ? ` ${options.className}` : ""}`, label);
  node.type = "button";
  if (options.id) {
    node.id = options.id;
  }
  return node;
}

/**
 * A checkbox with its label after it.
 * @param {string} id
 * @param {string} label
 */
export function checkbox(id, label) {
  const wrapper = element("span", "wwc-sc-option");
  const input = element("input");
  input.type = "checkbox";
  input.id = id;
  const labelNode = element("label", null, label);
  labelNode.setAttribute("for", id);
  wrapper.append(input, labelNode);
  return { wrapper, input };
}

/**
 * An input with its label before it.
 * @param {string} id
 * @param {string} label
 * @param {string} type
 * @param {string} [value]
 */
export function field(id, label, type, value) {
  const wrapper = element("span", "wwc-sc-field");
  const labelNode = element("label", null, label);
  labelNode.setAttribute("for", id);
  const input = element("input");
  input.id = id;
  input.type = type;
  input.value = value || "";
  wrapper.append(labelNode, input);
  return { wrapper, input };
}

/**
 * A table's <thead> with one column header per label.
 * @param {string[]} labels
 * @returns {any}
 */
export function headRow(labels) {
  const thead = element("thead");
  const row = element("tr");
  for (const label of labels) {
    const th = element("th", null, label);
    th.setAttribute("scope", "col");
    row.appendChild(th);
  }
  thead.appendChild(row);
  return thead;
}

/**
 * A table in a box that scrolls sideways by itself on a narrow screen, so the page never does;
 * the box is a labelled region a keyboard can focus (and scroll with the arrow keys).
 * @param {HTMLElement} table
 * @param {string} label
 * @returns {any}
 */
export function scrollBox(table, label) {
  const box = element("div", "wwc-sc-scroll");
  box.setAttribute("role", "region");
  box.setAttribute("aria-label", label);
  box.tabIndex = 0;
  box.appendChild(table);
  return box;
}

/**
 * A link to hand on: a read-only field with its label and a Copy button (`<id>-output`, `-link`,
 * `-copy`), hidden until filled. `copied()` runs once the clipboard took the link.
 * @param {string} id @param {string} labelText @param {string} copyText @param {() => void} copied
 * @param {string} [className]
 */
export function linkOutput(id, labelText, copyText, copied, className = "wwc-sc-field") {
  const output = element("p", className);
  output.hidden = true;
  output.id = `${id}-output`;
  const link = /** @type {HTMLInputElement} */ (element("input"));
  link.id = `${id}-link`;
  link.type = "text";
  link.readOnly = true;
  const label = element("label", null, labelText);
  label.setAttribute("for", link.id);
  const copy = button(copyText, { id: `${id}-copy` });
  copy.addEventListener("click", () => {
    link.select();
    navigator.clipboard?.writeText(link.value).then(copied, () => {});
  });
  output.append(label, link, copy);
  return { output, link };
}

/**
 * The "Your name" field of a request or a reply, filled with the name set in this browser.
 * @param {string} id the field's id @param {string} labelText @param {string} name
 */
export function nameField(id, labelText, name) {
  const input = /** @type {HTMLInputElement} */ (element("input"));
  input.id = id;
  input.type = "text";
  input.autocomplete = "name";
  input.value = name;
  const label = element("label", null, labelText);
  label.setAttribute("for", id);
  const wrapper = element("p", "wwc-sc-field");
  wrapper.append(label, input);
  return { wrapper, input };
}
