/*
 * The report (#wwc-sc-report), laid out like the certification report: it leads with the city, the
 * assessment's name, the date, the words "unofficial self-assessment", the evidence-backed result
 * and then the self-reported one; then the table by group with the applicant averages, the next
 * steps, and the criteria that were answered (view/report-criteria.js). It is built on beforeprint,
 * and as an on-screen preview while the report view (#report) is open, so answering never pays for it.
 * While printing, the document's title is the exports' base name (lib/export.js baseName), which
 * browsers offer as the PDF's file name. User text goes in as text only.
 */

import { ELEMENTS } from "../elements.js";
import { baseName } from "../lib/export.js";
import { format, formatCount } from "../lib/format.js";
import { areasFigure } from "../view/area-chart.js";
import { button, headRow, scrollBox } from "../view/controls.js";
import { element } from "../view/dom.js";
import { answeredCriteria, listOf } from "../view/report-criteria.js";

/** @param {any} assessment */
function hasContent(assessment) {
  return (
    Object.keys(assessment.answers || {}).length > 0 ||
    Object.keys(assessment.evidence || {}).length > 0 ||
    Boolean(assessment.city) ||
    Boolean(assessment.date)
  );
}

/* The fragment of the report view: the on-screen preview is built while it is the page's address. */
const PREVIEW_HASH = "#report";

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
    this.content = element("div", "wwc-sc-report-content");
    this.root.replaceChildren(this.previewControls(), this.content);
    window.addEventListener("hashchange", () => this.preview());
    window.addEventListener("beforeprint", () => this.titleForPrint());
    window.addEventListener("afterprint", () => this.restoreTitle());
    this.preview();
  }

  /* On screen only: a heading, what this is and a print button (the print styles hide them). */
  previewControls() {
    const texts = this.sc.texts;
    const controls = element("div", "wwc-sc-report-preview-controls");
    const heading = element("h2", null, texts.report_preview_heading);
    heading.id = `${ELEMENTS.report}-heading`;
    const print = button(texts.report_print_button, { id: `${ELEMENTS.report}-print` });
    print.addEventListener("click", () => this.sc.print());
    // An assessment with nothing in it prints the page as it is; on screen it says why the preview is empty.
    this.emptyNote = element(
      "p",
      "wwc-sc-report-empty",
      format(texts.report_empty, { item: this.sc.edition.item_label }),
    );
    this.emptyNote.hidden = true;
    controls.append(heading, element("p", "wwc-sc-hint", texts.report_preview_hint), print, this.emptyNote);
    return controls;
  }

  isPreviewed() {
    return window.location.hash === PREVIEW_HASH;
  }

  /* Show (and build) the preview while the report view is the page's address. */
  preview() {
    const shown = this.isPreviewed();
    this.root.toggleAttribute("data-wwc-preview", shown);
    if (shown) {
      this.render(this.sc.view());
    }
  }

  invalidate() {
    this.stale = true;
    if (this.isPreviewed()) {
      this.render(this.sc.view());
    }
  }

  /* The name browsers give the printed PDF: the same base name as the JSON and CSV exports. */
  titleForPrint() {
    if (this.savedTitle === undefined) {
      this.savedTitle = document.title;
    }
    document.title = baseName(this.sc.data.export.file_prefix, this.sc.model.current(), new Date());
  }

  restoreTitle() {
    if (this.savedTitle !== undefined) {
      document.title = this.savedTitle;
      this.savedTitle = undefined;
    }
  }

  line(tag, className, template, values) {
    return element(tag, className, format(template, values || {}));
  }

  /* An assessment with nothing to report (no answer, evidence, city or date) prints the page as it is. */
  render(view) {
    if (!this.stale && this.rendered === view) {
      return;
    }
    this.emptyNote.hidden = hasContent(view.assessment);
    if (!hasContent(view.assessment)) {
      this.content.replaceChildren();
      this.rendered = view;
      this.stale = false;
      return;
    }
    const sc = this.sc;
    const texts = sc.texts;
    const assessment = view.assessment;
    const nodes = this.lead(view);
    const borderline = this.sources.results.querySelector(".wwc-sc-borderline");
    if (borderline?.textContent) {
      nodes.push(element("p", null, borderline.textContent));
    }
    const note = this.sources.results.querySelector(".wwc-sc-result-note");
    if (note?.textContent) {
      nodes.push(element("p", null, note.textContent));
    }
    nodes.push(this.areaTable(view.result));
    // The pictures of issue 26: the area scores beside the benchmarks, and the roadmap when planned.
    nodes.push(areasFigure(sc, view.result, "wwc-sc-report-areas"));
    if (view.plan?.roadmap?.ok) {
      nodes.push(...(sc.parts.planning?.roadmapNodes(view.plan, "wwc-sc-report-roadmap") || []));
    }
    const next = this.sources.plan.querySelector(`#${ELEMENTS.next}`);
    if (next) {
      nodes.push(element("h3", null, texts.next_heading), this.plainCopy(next));
    }
    if (view.backed.flags.length) {
      nodes.push(element("h3", null, texts.flags_heading), this.flagList(view.backed.flags));
    }
    nodes.push(element("h3", "wwc-sc-report-criteria-heading", texts.report_criteria_heading));
    nodes.push(...answeredCriteria(sc, assessment, view.result.total));
    this.content.replaceChildren.apply(this.content, nodes);
    this.stale = false;
    this.rendered = view;
  }

  /* The first lines: who and when, that it is unofficial, the evidence-backed result, then the self-reported one. */
  lead(view) {
    const sc = this.sc;
    const texts = sc.texts;
    const assessment = view.assessment;
    const result = view.result;
    const backed = view.backed.result;
    const self = this.line("p", "wwc-sc-report-self", texts.report_self_reported, {
      met: result.met,
      total: result.total,
      items: sc.items(result.total),
      percent: result.percent,
      tier: sc.tierName(result.tier),
    });
    const who = [
      element("p", "wwc-sc-report-unofficial", texts.report_unofficial),
      element("h2", "wwc-sc-report-city", assessment.city || texts.report_city_missing),
      this.line("p", "wwc-sc-report-name", texts.report_assessment, {
        name: assessment.name || sc.data.assessments.texts.new_name,
      }),
      this.line("p", "wwc-sc-report-date", texts.report_date, { date: assessment.date || texts.report_date_missing }),
      this.line("p", null, texts.report_edition, { edition: sc.edition.title }),
    ];
    // An edition with nothing to tick (the launch edition) has no evidence-backed result to report.
    if (!sc.data.has_evidence) {
      return [...who, element("p", "wwc-sc-report-tier", sc.tierName(result.tier)), self];
    }
    return [
      ...who,
      this.line("p", "wwc-sc-report-tier", texts.report_evidence_lead, { tier: sc.tierName(backed.tier) }),
      this.line("p", "wwc-sc-report-evidence", texts.report_evidence, {
        met: backed.met,
        total: backed.total,
        items: sc.items(backed.total),
        percent: backed.percent,
        tier: sc.tierName(backed.tier),
      }),
      self,
    ];
  }

  /* The met answers an auditor would likely not accept: each criterion with what it lacks, as lists. */
  flagList(flags) {
    const sc = this.sc;
    const texts = sc.texts;
    const list = element("ul", "wwc-sc-report-flags");
    flags.forEach((flag) => {
      const item = element("li");
      const fieldset = sc.form.querySelector(`[data-wwc-criterion="${CSS.escape(flag.id)}"]`);
      const label = fieldset?.querySelector(".wwc-sc-id")?.textContent || flag.id;
      const title = fieldset?.querySelector(".wwc-sc-title")?.textContent;
      item.appendChild(element("strong", null, title ? `${label} ${title}` : label));
      if (flag.missing.length) {
        item.append(
          element("p", null, texts.report_flag_missing),
          listOf(
            "ul",
            flag.missing.map((id) => sc.checklists.itemText(flag.id, id)),
          ),
        );
      }
      if (flag.mustMeet && !flag.mustMeet.holds) {
        item.appendChild(element("p", null, formatCount(texts.flag_must_meet, flag.mustMeet.total, flag.mustMeet)));
      }
      list.appendChild(item);
    });
    return list;
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
    return scrollBox(table, table.caption?.textContent || group);
  }
}
