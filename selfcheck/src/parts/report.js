/*
 * The printed report (#wwc-sc-report), laid out like the certification report: city and date,
 * edition, criteria met and tier, the evidence-backed result, the table by group with the
 * applicant averages, the next steps, then every criterion with its answer, ticks, owner, due
 * date, notes and links. It exists only in print (the print styles hide everything else) and is
 * built on beforeprint, so answering never pays for it. User text goes in as text only.
 */

import { ELEMENTS } from "../elements.js";
import { format } from "../lib/format.js";
import { headRow } from "../view/controls.js";
import { element } from "../view/dom.js";

/** @param {any} assessment */
function hasContent(assessment) {
  return (
    Object.keys(assessment.answers || {}).length > 0 ||
    Object.keys(assessment.evidence || {}).length > 0 ||
    Boolean(assessment.city) ||
    Boolean(assessment.date)
  );
}

export class Report {
  /**
   * @param {HTMLElement} root #wwc-sc-report
   * @param {any} sc the controller (app.js)
   * @param {{results: HTMLElement, plan: HTMLElement}} sources the parts' roots whose text the
   *   report copies (borderline reading, result note, next steps, flagged answers), read only
   */
  constructor(root, sc, sources) {
    this.root = root;
    this.sc = sc;
    this.sources = sources;
    this.stale = true;
  }

  invalidate() {
    this.stale = true;
  }

  line(tag, className, template, values) {
    return element(tag, className, format(template, values || {}));
  }

  /* An assessment with nothing to report (no answer, evidence, city or date) prints the page as it is. */
  render(view) {
    if (!this.stale && this.rendered === view) {
      return;
    }
    if (!hasContent(view.assessment)) {
      this.root.replaceChildren();
      this.rendered = view;
      this.stale = false;
      return;
    }
    const sc = this.sc;
    const texts = sc.texts;
    const assessment = view.assessment;
    const result = view.result;
    const backed = view.backed.result;
    const nodes = [];
    nodes.push(element("h2", "wwc-sc-report-city", assessment.city || texts.report_city_missing));
    nodes.push(element("p", "wwc-sc-report-date", assessment.date || texts.report_date_missing));
    nodes.push(this.line("p", null, texts.report_edition, { edition: sc.edition.title }));
    nodes.push(element("p", "wwc-sc-report-tier", sc.tierName(result.tier)));
    nodes.push(
      this.line("p", "wwc-sc-report-self", texts.report_self_reported, {
        met: result.met,
        total: result.total,
        items: sc.items(result.total),
        percent: result.percent,
        tier: sc.tierName(result.tier),
      }),
    );
    // An edition with nothing to tick (the launch edition) has no evidence-backed result to report.
    if (sc.data.has_evidence) {
      nodes.push(
        this.line("p", "wwc-sc-report-evidence", texts.report_evidence, {
          met: backed.met,
          total: backed.total,
          items: sc.items(backed.total),
          percent: backed.percent,
          tier: sc.tierName(backed.tier),
        }),
      );
    }
    const borderline = this.sources.results.querySelector(".wwc-sc-borderline");
    if (borderline?.textContent) {
      nodes.push(element("p", null, borderline.textContent));
    }
    const note = this.sources.results.querySelector(".wwc-sc-result-note");
    if (note) {
      nodes.push(element("p", null, note.textContent));
    }
    nodes.push(this.areaTable(result));
    const next = this.sources.plan.querySelector(`#${ELEMENTS.next}`);
    nodes.push(element("h3", null, texts.next_heading));
    nodes.push(this.plainCopy(next));
    // The flagged answers are in the results view; an edition with nothing to tick has none.
    const flags = this.sources.results.querySelector(`#${ELEMENTS.flags}`);
    if (flags) {
      nodes.push(element("h3", null, texts.flags_heading));
      nodes.push(this.plainCopy(flags));
    }
    nodes.push(element("h3", "wwc-sc-report-criteria-heading", texts.report_criteria_heading));
    nodes.push(this.criteriaList(assessment));
    this.root.replaceChildren.apply(this.root, nodes);
    this.stale = false;
    this.rendered = view;
  }

  /* A copy of a plan list for paper: the same text, links kept as text. */
  plainCopy(source) {
    const copy = source.cloneNode(true);
    copy.removeAttribute("id");
    Array.prototype.forEach.call(copy.querySelectorAll("[id]"), (node) => {
      node.removeAttribute("id");
    });
    return copy;
  }

  areaTable(result) {
    const sc = this.sc;
    const texts = sc.texts;
    const group = sc.edition.group_label;
    const table = element("table", "wwc-sc-report-areas");
    table.appendChild(element("caption", null, format(texts.report_areas_heading, { group: group.toLowerCase() })));
    const thead = headRow([
      format(texts.report_area_column, { group: group }),
      texts.report_met_column,
      texts.report_percent_column,
      texts.report_average_column,
    ]);
    const body = element("tbody");
    result.groups.forEach((scored, index) => {
      const row = element("tr");
      const name = element("th", null, sc.edition.groups[index].name);
      name.setAttribute("scope", "row");
      row.append(
        name,
        element("td", null, `${scored.met} / ${scored.total}`),
        element("td", null, `${scored.percent}%`),
        element("td", null, scored.average_percent === null ? "" : `${scored.average_percent}%`),
      );
      body.appendChild(row);
    });
    table.append(thead, body);
    return table;
  }

  criteriaList(assessment) {
    const sc = this.sc;
    const texts = sc.texts;
    const list = element("ol", "wwc-sc-report-criteria");
    Array.prototype.forEach.call(
      sc.form.querySelectorAll("[data-wwc-criterion]"),
      function (fieldset) {
        const id = fieldset.getAttribute("data-wwc-criterion");
        const item = element("li");
        item.appendChild(
          element("strong", null, fieldset.querySelector("legend").textContent.replace(/\s+/g, " ").trim()),
        );
        const answer = assessment.answers[id];
        const state = sc.edition.answer_states.filter((s) => s.id === answer)[0];
        item.appendChild(
          this.line("p", null, texts.report_answer, { answer: state ? state.label : texts.report_unanswered }),
        );
        const entry = assessment.evidence?.[id] || {};
        const ticked = Array.isArray(entry.items) ? entry.items : [];
        // The report is loaded after the checklists (sc.need), so every item has its text.
        const lists = sc.checklists.of(id);
        const items = lists[0].concat(lists[1]);
        const tickedLabels = items.filter((row) => ticked.indexOf(row[0]) !== -1).map((row) => row[1]);
        if (items.length) {
          item.appendChild(
            tickedLabels.length
              ? this.line("p", null, texts.report_ticked, { list: tickedLabels.join("; ") })
              : element("p", null, texts.report_nothing_ticked),
          );
        }
        if (entry.owner) {
          item.appendChild(this.line("p", null, texts.report_owner, { owner: entry.owner }));
        }
        if (entry.due) {
          item.appendChild(this.line("p", null, texts.report_due, { due: entry.due }));
        }
        if (entry.notes) {
          item.appendChild(this.line("p", "wwc-sc-report-notes", texts.report_notes, { notes: entry.notes }));
        }
        if (Array.isArray(entry.links) && entry.links.length) {
          item.appendChild(
            this.line("p", null, texts.report_links, {
              list: entry.links.map((link) => `${link.text ? `${link.text} ` : ""}<${link.url}>`).join("; "),
            }),
          );
        }
        list.appendChild(item);
      },
      this,
    );
    return list;
  }
}
