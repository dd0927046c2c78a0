/*
 * The optional passphrase of what the page produces (requests, replies): a labelled field with the
 * plain warning that a link without one can be read by anyone who has it, and the sealing itself
 * (lib/passphrase.js). Text goes in as text only.
 */

import { protect } from "../lib/passphrase.js";
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
