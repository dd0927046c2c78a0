/*
 * The report's list of answered criteria (parts/report.js): only the criteria with an answer, in the
 * form's order, each with its answer, ticked documents, owner, due date, notes and links as lists
 * (nothing printed as "none"), after one line that counts the unanswered ones. User text goes in as
 * text only.
 */

import { format } from "../lib/format.js";
import { element } from "./dom.js";

/** @param {string} tag @param {string[]} lines */
export function listOf(tag, lines) {
  const list = element(tag, "wwc-sc-report-list");
  for (const text of lines) {
    list.appendChild(element("li", null, text));
  }
  return list;
}

/** @param {string} template @param {Record<string, any>} values @param {string | null} [className] */
function line(template, values, className) {
  return element("p", className || null, format(template, values));
}

/**
 * One criterion's entry: its legend, answer, then what its evidence holds.
 * @param {any} sc the controller (app.js)
 * @param {string} id
 * @param {HTMLElement} fieldset
 * @param {string} answerLabel
 * @param {any} entry the criterion's evidence ({} when none)
 */
function criterionEntry(sc, id, fieldset, answerLabel, entry) {
  const texts = sc.texts;
  const item = element("li");
  item.setAttribute("data-wwc-criterion", id);
  const legend = /** @type {HTMLElement} */ (fieldset.querySelector("legend"));
  item.appendChild(element("strong", null, (legend.textContent || "").replace(/\s+/g, " ").trim()));
  item.appendChild(line(texts.report_answer, { answer: answerLabel }));
  const ticked = Array.isArray(entry.items) ? entry.items : [];
  // The report is built after the checklists are read, so every item has its text.
  const lists = sc.checklists.of(id);
  const tickedLabels = lists[0]
    .concat(lists[1])
    .filter((/** @type {string[]} */ row) => ticked.indexOf(row[0]) !== -1)
    .map((/** @type {string[]} */ row) => row[1]);
  if (tickedLabels.length) {
    item.append(element("p", null, texts.report_ticked), listOf("ul", tickedLabels));
  }
  if (entry.owner) {
    item.appendChild(line(texts.report_owner, { owner: entry.owner }));
  }
  if (entry.due) {
    item.appendChild(line(texts.report_due, { due: entry.due }));
  }
  if (entry.notes) {
    item.appendChild(line(texts.report_notes, { notes: entry.notes }, "wwc-sc-report-notes"));
  }
  if (Array.isArray(entry.links) && entry.links.length) {
    item.append(
      element("p", null, texts.report_links),
      listOf(
        "ul",
        entry.links.map((/** @type {any} */ link) => `${link.text ? `${link.text} ` : ""}<${link.url}>`),
      ),
    );
  }
  return item;
}

/**
 * The criteria with an answer, as an ordered list.
 * @param {any} sc the controller (app.js)
 * @param {any} assessment
 */
function criteriaList(sc, assessment) {
  const list = element("ol", "wwc-sc-report-criteria");
  for (const fieldset of sc.form.querySelectorAll("[data-wwc-criterion]")) {
    const id = fieldset.getAttribute("data-wwc-criterion");
    const answer = Object.hasOwn(assessment.answers || {}, id) ? assessment.answers[id] : null;
    const state = sc.edition.answer_states.find((/** @type {any} */ s) => s.id === answer);
    if (state) {
      const entry = Object.hasOwn(assessment.evidence || {}, id) ? assessment.evidence[id] : {};
      list.appendChild(criterionEntry(sc, id, fieldset, state.label, entry));
    }
  }
  return list;
}

/**
 * The answered criteria as a list, after one line that counts the unanswered ones.
 * @param {any} sc the controller (app.js)
 * @param {any} assessment
 * @param {number} total how many criteria the edition has
 * @returns {HTMLElement[]}
 */
export function answeredCriteria(sc, assessment, total) {
  const texts = sc.texts;
  const list = criteriaList(sc, assessment);
  if (!list.children.length) {
    return [element("p", "wwc-sc-report-unanswered", texts.report_none_answered)];
  }
  const nodes = [];
  const unanswered = total - list.children.length;
  if (unanswered > 0) {
    nodes.push(
      line(
        texts.report_unanswered_count,
        { count: unanswered, total: total, items: sc.items(total) },
        "wwc-sc-report-unanswered",
      ),
    );
  }
  nodes.push(list);
  return nodes;
}
