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
