/*
 * The optional passphrase of what the page produces (requests, replies): a labelled field with the
 * plain warning that a link without one can be read by anyone who has it, and the sealing itself
 * (lib/passphrase.js). Text goes in as text only.
 */

import { protect } from "../lib/passphrase.js";
import { button } from "./controls.js";
import { element } from "./dom.js";

/**
 * A passphrase field (type password, never autocompleted) with the warning under it.
 * @param {string} id
 * @param {Record<string, string>} texts
 */
export function passphraseField(id, texts) {
  const wrapper = element("p", "wwc-sc-field wwc-sc-passphrase");
  const label = element("label", null, texts.passphrase_label);
  label.setAttribute("for", id);
  const input = element("input");
  input.id = id;
  input.type = "password";
  input.autocomplete = "new-password";
  const warning = element("span", "wwc-sc-hint", texts.passphrase_warning);
  warning.id = `${id}-warning`;
  input.setAttribute("aria-describedby", warning.id);
  wrapper.append(label, input, warning);
  return { wrapper, input };
}

/**
 * `text` as it travels: protected when a passphrase is given, else as it is.
 * @param {string} text
 * @param {string} passphrase
 * @returns {Promise<string>}
 */
export function seal(text, passphrase) {
  return passphrase ? protect(text, passphrase) : Promise.resolve(text);
}

/**
 * The question a protected link or file asks before it opens: the sentence, the field (`id`, type
 * password), its button (Enter does the same) and the line where a wrong passphrase is said.
 * @param {string} id
 * @param {Record<string, string>} texts
 * @param {(input: HTMLInputElement) => unknown} submit
 * @returns {{nodes: HTMLElement[], input: HTMLInputElement, said: HTMLElement}}
 */
export function passphrasePrompt(id, texts, submit) {
  const label = element("label", null, texts.passphrase_open_label);
  label.setAttribute("for", id);
  const input = /** @type {HTMLInputElement} */ (element("input"));
  input.id = id;
  input.type = "password";
  input.autocomplete = "off";
  const said = element("p", "wwc-sc-passphrase-said");
  said.id = `${id}-message`;
  said.setAttribute("role", "alert");
  input.setAttribute("aria-describedby", said.id);
  const open = button(texts.passphrase_open_button, { id: `${id}-open` });
  open.addEventListener("click", () => submit(input));
  input.addEventListener("keydown", (/** @type {KeyboardEvent} */ event) => {
    if (event.key === "Enter") {
      event.preventDefault();
      submit(input);
    }
  });
  const row = element("p", "wwc-sc-field");
  row.append(label, input, open);
  return { nodes: [element("p", null, texts.passphrase_ask), row, said], input, said };
}
