/* The page's placeholder syntax: "{name}" is replaced by values.name; unknown names stay. */

import { hasOwn } from "./keys.js";

/**
 * @param {string} template
 * @param {Record<string, unknown>} values
 * @returns {string}
 */
export function format(template, values) {
  return String(template).replace(/\{(\w+)\}/g, (match, key) => (hasOwn(values, key) ? String(values[key]) : match));
}

// The texts are English: "one" for 1, "other" for every other count (CLDR's rule, as the Python side
// applies it in macros/selfcheck.py fill_count).
const PLURALS = new Intl.PluralRules("en");

/**
 * A text that shows a count: either one string, or a pair {one, other} from the YAML, chosen by `count`
 * (a text without a form for the count's category uses "other").
 * @param {string | {one?: string, other: string}} text
 * @param {number} count
 * @param {Record<string, unknown>} values
 * @returns {string}
 */
export function formatCount(text, count, values) {
  if (typeof text === "string") {
    return format(text, values);
  }
  const category = PLURALS.select(count);
  const template = hasOwn(text, category) ? /** @type {any} */ (text)[category] : text.other;
  return format(template, values);
}
