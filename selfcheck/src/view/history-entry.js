/*
 * A history entry or summary (lib/history.js) as one line of text, for the criterion's history
 * and the history view. Words from the YAML texts; answer states and checklist items by their
 * labels. Text only: the parts put it in with textContent.
 */

import { format, formatCount } from "../lib/format.js";

/**
 * @typedef {{texts: Record<string, string>, edition: any, checklists: import("./checklists.js").Checklists}} Words
 */

/**
 * An ISO time as the person's local date and time, minutes precision (YYYY-MM-DD HH:MM).
 * @param {string} iso
 */
export function when(iso) {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) {
    return iso;
  }
  const pad = (/** @type {number} */ n) => String(n).padStart(2, "0");
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())} ${pad(date.getHours())}:${pad(date.getMinutes())}`;
}

/**
 * @param {Words} words
 * @param {string | null} answer
 */
function answerLabel(words, answer) {
  if (answer === null) {
    return words.texts.history_value_none;
  }
  const state = words.edition.answer_states.find((/** @type {any} */ item) => item.id === answer);
  return state ? state.label : answer;
}

/**
 * @param {Words} words
 * @param {unknown} value
 */
function textValue(words, value) {
  return typeof value === "string" && value ? value : words.texts.history_value_none;
}

/** @param {{text: string, url: string}[]} links */
function linkList(links) {
  return links.map((link) => (link.text ? `${link.text} (${link.url})` : link.url)).join(", ");
}

/**
 * What an entry changed, in words (without who and when).
 * @param {Words} words
 * @param {any} entry
 */
export function changeText(words, entry) {
  const t = words.texts;
  const field = String(entry.field);
  if (field === "answer") {
    return format(t.history_field_answer, { from: answerLabel(words, entry.from), to: answerLabel(words, entry.to) });
  }
  if (field.startsWith("tick:")) {
    const item = words.checklists.itemText(entry.criterion, field.slice(5));
    return format(entry.to ? t.history_field_tick_on : t.history_field_tick_off, { item });
  }
  if (field === "links") {
    const parts = [];
    if (Array.isArray(entry.to) && entry.to.length) {
      parts.push(format(t.history_links_added, { links: linkList(entry.to) }));
    }
    if (Array.isArray(entry.from) && entry.from.length) {
      parts.push(format(t.history_links_removed, { links: linkList(entry.from) }));
    }
    return format(t.history_field_links, { change: parts.join("; ") });
  }
  if (field.startsWith("extra:")) {
    const [, key, sub] = field.split(":");
    const name = sub ? `${key} (${words.checklists.itemText(entry.criterion, sub)})` : key;
    return format(t.history_field_extra, {
      field: name,
      from: textValue(words, entry.from),
      to: textValue(words, entry.to),
    });
  }
  const label = t[`history_field_${field}`] || field;
  return format(t.history_field_text, { field: label, from: entry.from || "", to: entry.to || "" });
}

/**
 * The whole line of an entry: when, who, (criterion,) what.
 * @param {Words} words
 * @param {any} entry
 * @param {boolean} withCriterion
 */
export function entryText(words, entry, withCriterion) {
  const via = entry.via ? format(words.texts.history_via, { via: entry.via, by: entry.by || "" }) : "";
  const where = withCriterion && entry.criterion ? `${entry.criterion} · ` : "";
  return `${when(entry.at)} · ${entry.who} · ${where}${changeText(words, entry)}${via}`;
}

/**
 * A summary row: "12 earlier changes by Ana to 2.3 between ... and ..., summarised."
 * @param {Words} words
 * @param {{who: string, criterion: string, count: number, first: string, last: string}} row
 */
export function summaryText(words, row) {
  const t = words.texts;
  return formatCount(t.history_summary, row.count, {
    count: row.count,
    who: row.who === "*" ? t.history_summary_everyone : row.who,
    criterion: row.criterion === "*" ? t.history_summary_all_criteria : row.criterion || t.history_summary_details,
    first: when(row.first),
    last: when(row.last),
  });
}
