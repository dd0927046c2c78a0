/*
 * The history view's list (#wwc-sc-history): every recorded change of the open assessment, newest
 * first, filterable by person and by a date range, and the summaries of older changes folded by
 * the budget (lib/history.js), shown as such. Rendered when the view is shown and after changes
 * while it is shown (a year of history is a long list: it is not rebuilt behind a hidden view).
 */

import { formatCount } from "../lib/format.js";
import { people, query, summaries } from "../lib/history.js";
import { element } from "../view/dom.js";
import { entryText, summaryText } from "../view/history-entry.js";

/* The most entries one rendering lists; the count above says how many match. */
const SHOWN_MAX = 300;

/**
 * A local calendar date (YYYY-MM-DD) as the ISO time of its first moment, `days` later.
 * @param {string} date
 * @param {number} days
 */
function localStart(date, days) {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!match) {
    return undefined;
  }
  return new Date(Number(match[1]), Number(match[2]) - 1, Number(match[3]) + days).toISOString();
}

export class HistoryList {
  /**
   * @param {HTMLElement} root
   * @param {{texts: Record<string, string>, edition: any, checklists: any, current: () => any}} ctx
   */
  constructor(root, ctx) {
    this.root = root;
    this.ctx = ctx;
    const t = ctx.texts;
    this.heading = root.querySelector("h2") || element("h2", null, t.history_heading);
    const intro = element("p", "wwc-sc-history-intro", t.history_intro);
    const filters = element("div", "wwc-sc-history-filters");
    filters.setAttribute("role", "group");
    filters.setAttribute("aria-label", t.history_heading);
    this.person = element("select");
    this.person.id = "wwc-sc-history-person";
    this.from = element("input");
    this.from.type = "date";
    this.from.id = "wwc-sc-history-from";
    this.to = element("input");
    this.to.type = "date";
    this.to.id = "wwc-sc-history-to";
    for (const [control, label] of [
      [this.person, t.history_filter_person],
      [this.from, t.history_filter_from],
      [this.to, t.history_filter_to],
    ]) {
      const wrapper = element("span", "wwc-sc-field");
      const labelNode = element("label", null, label);
      labelNode.setAttribute("for", control.id);
      wrapper.append(labelNode, control);
      filters.append(wrapper);
      control.addEventListener("change", () => this.render());
    }
    this.count = element("p", "wwc-sc-history-count");
    this.count.setAttribute("role", "status");
    this.list = element("ol", "wwc-sc-history-list");
    this.list.setAttribute("aria-labelledby", this.heading.id);
    this.folded = element("ul", "wwc-sc-history-summaries");
    root.replaceChildren(this.heading, intro, filters, this.count, this.list, this.folded);
  }

  /** Whether the list is on screen: its view is not hidden. (Not checkVisibility(): after the DOM
      changes of a click it would compute the whole page's style a second time in the same frame.) */
  visible() {
    return !this.root.closest("[hidden]");
  }

  /** After a change: rebuilt only while it is on screen. */
  update() {
    if (this.visible()) {
      this.render();
    }
  }

  fillPeople(history) {
    const chosen = this.person.value;
    const names = people(history);
    const options = [element("option", null, this.ctx.texts.history_filter_everyone)];
    options[0].value = "";
    for (const name of names) {
      const option = element("option", null, name);
      option.value = name;
      options.push(option);
    }
    this.person.replaceChildren(...options);
    this.person.value = names.includes(chosen) ? chosen : "";
  }

  render() {
    const t = this.ctx.texts;
    const history = this.ctx.current().history;
    this.fillPeople(history);
    const filters = {
      who: this.person.value || undefined,
      from: localStart(this.from.value, 0),
      to: localStart(this.to.value, 1),
    };
    const entries = query(history, filters);
    const total = history ? history.entries.length : 0;
    const shown = entries.slice(-SHOWN_MAX).reverse();
    this.list.replaceChildren(
      ...shown.map((entry) => element("li", "wwc-sc-history-entry", entryText(this.ctx, entry, true))),
    );
    const rows = summaries(history, { who: filters.who }).filter(
      (row) => (!filters.from || row.last >= filters.from) && (!filters.to || row.first < filters.to),
    );
    this.folded.replaceChildren(
      ...rows.map((row) => element("li", "wwc-sc-history-summary", summaryText(this.ctx, row))),
    );
    if (!total && !rows.length) {
      this.count.textContent = t.history_empty;
    } else if (!entries.length && !rows.length) {
      this.count.textContent = t.history_none_match;
    } else {
      this.count.textContent = formatCount(t.history_count, total, { shown: shown.length, total: total });
    }
  }
}
