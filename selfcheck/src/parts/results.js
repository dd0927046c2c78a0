/*
 * The result panel (#wwc-sc-results), the figures beside each group heading and the sticky
 * status line. macros/selfcheck.py renders every node with an empty self-check's figures; this
 * part only rewrites the texts and widths that changed, so the page never shifts and a click
 * costs a handful of DOM writes.
 */

import { ELEMENTS } from "../elements.js";
import { format, formatCount } from "../lib/format.js";
import { scoring } from "../lib/index.js";
import { areasFigure } from "../view/area-chart.js";
import { setStyle, setText, toggleClass } from "../view/dom.js";

export class Results {
  /**
   * @param {HTMLElement} root #wwc-sc-results
   * @param {any} sc the controller (app.js)
   * @param {{status: HTMLElement, headings: Element}} shown the sticky status line, and the form whose
   *   group headings carry each group's figure: outside the root, updated by this part alone
   */
  constructor(root, sc, shown) {
    this.root = root;
    this.sc = sc;
    const q = (selector) => root.querySelector(selector);
    this.nodes = {
      tier: q(".wwc-sc-tier-name"),
      backedTier: q(".wwc-sc-backed-tier-name"),
      meaning: q(".wwc-sc-tier-meaning"),
      metCount: q(".wwc-sc-met-count"),
      percent: q(".wwc-sc-percent"),
      borderline: q(".wwc-sc-borderline"),
      unanswered: q(".wwc-sc-unanswered"),
      next: q(".wwc-sc-next"),
      evidence: q(".wwc-sc-evidence-result"),
      flags: q(".wwc-sc-evidence-flags"),
      overall: q(".wwc-sc-bar-overall .wwc-sc-bar-fill"),
      status: shown.status,
    };
    /** @type {HTMLSelectElement | null} */
    this.region = root.querySelector(`#${ELEMENTS.region}`);
    this.regionLine = root.querySelector(".wwc-sc-region-line");
    this.region?.addEventListener("change", () => setText(this.regionLine, this.regionText(sc.view())));
    this.areasChart = root.querySelector(".wwc-sc-areas-chart");
    this.areasShown = "";
    /** @type {Map<string, {figure: any, fill: any, heading: any}>} */
    this.groups = new Map();
    for (const item of root.querySelectorAll(".wwc-sc-group-bar")) {
      const id = item.getAttribute("data-wwc-group");
      this.groups.set(id, {
        figure: item.querySelector(".wwc-sc-group-figure"),
        fill: item.querySelector(".wwc-sc-bar-fill"),
        heading: shown.headings.querySelector(`[data-wwc-group-score="${CSS.escape(id)}"]`),
      });
    }
  }

  /* Why the two results differ: the flagged answers counted, every met answer backed, or none met yet. */
  flagsText(view) {
    const texts = this.sc.texts;
    const count = view.backed.flags.length;
    if (count) {
      return formatCount(texts.evidence_flagged_some, count, { count: count });
    }
    return view.result.met ? texts.evidence_flagged_none : texts.evidence_flagged_no_met;
  }

  /* The region's applicants and average score beside the evidence-backed result (the region is the
     view's choice: the benchmarks belong to the source, not to an assessment). */
  regionText(view) {
    const select = this.region;
    const regions = this.sc.data.benchmarks?.regions || [];
    const region = select ? regions.find((/** @type {any} */ entry) => entry.id === select.value) : null;
    if (!region) {
      return "";
    }
    return format(this.sc.texts.region_line, {
      name: region.name,
      applicants: region.applicants,
      average: region.average_percent,
      percent: view.backed.result.percent,
    });
  }

  /**
   * What the answer view shows of the result, after every answer: the status line and each area
   * heading's figure.
   */
  updateStatus(view) {
    setText(this.nodes.status, this.sc.summary(view.result));
    for (const group of view.result.groups) {
      setText(this.groups.get(group.id).heading, this.groupFigure(group));
    }
  }

  /** @param {any} group */
  groupFigure(group) {
    return format(this.sc.texts.group_figure, { percent: group.percent, met: group.met, total: group.total });
  }

  /** The results view itself: while it shows, and when it is shown (app.js). */
  update(view) {
    const sc = this.sc;
    setText(this.regionLine, this.regionText(view));
    const texts = sc.texts;
    const result = view.result;
    const nodes = this.nodes;
    const count = { met: result.met, total: result.total, items: sc.items(result.total) };
    setText(nodes.tier, sc.tierName(result.tier));
    nodes.tier.setAttribute("data-wwc-tier", result.tier || "");
    toggleClass(nodes.tier, "wwc-sc-tier-none", !result.tier);
    // Every meaning is in the page (one grid cell, macros/selfcheck.py): only the reached one shows.
    Array.prototype.forEach.call(nodes.meaning.children, (span) => {
      toggleClass(span, "wwc-sc-shown", span.getAttribute("data-wwc-tier") === result.tier);
    });
    setText(nodes.metCount, format(texts.met_count, count));
    setText(nodes.percent, `(${result.percent}%)`);
    setText(nodes.borderline, this.borderlineText(result));
    setText(nodes.unanswered, sc.unansweredText(result));
    // The next tier is the evidence-backed result's: an unbacked answer does not bring it closer.
    setText(nodes.next, this.nextText(view.backed.result));
    if (nodes.backedTier) {
      setText(nodes.backedTier, sc.tierName(view.backed.result.tier));
      nodes.backedTier.setAttribute("data-wwc-tier", view.backed.result.tier || "");
      toggleClass(nodes.backedTier, "wwc-sc-tier-none", !view.backed.result.tier);
    }
    setText(nodes.evidence, this.evidenceText(view.backed.result));
    setText(nodes.flags, this.flagsText(view));
    setStyle(nodes.overall, "width", `${(100 * result.met) / Math.max(result.total, 1)}%`);
    result.groups.forEach(function (group) {
      const slot = this.groups.get(group.id);
      setText(slot.figure, this.groupFigure(group));
      if (slot.figure.getAttribute("data-wwc-percent") !== group.percent) {
        slot.figure.setAttribute("data-wwc-percent", group.percent);
      }
      setStyle(slot.fill, "width", `${(100 * group.met) / Math.max(group.total, 1)}%`);
    }, this);
    // The same figures as a picture (issue 26), hidden from screen readers: the list above says them.
    const shown = result.groups.map((/** @type {any} */ group) => group.met).join();
    if (this.areasChart && shown !== this.areasShown) {
      this.areasShown = shown;
      this.areasChart.replaceChildren(areasFigure(sc, result, "wwc-sc-results-areas", true));
    }
  }

  borderlineText(result) {
    const reading = scoring.borderline(this.sc.edition, result.met);
    if (!reading) {
      return "";
    }
    return format(this.sc.texts.borderline, {
      percent: result.percent,
      rounded: reading.percent,
      tier: this.sc.tierName(reading.tier),
    });
  }

  nextText(result) {
    if (!result.next_tier) {
      return this.sc.texts.top_tier;
    }
    return format(this.sc.texts.next_tier, {
      more: result.next_tier.more_needed,
      items: this.sc.items(result.next_tier.more_needed),
      tier: this.sc.tierName(result.next_tier.id),
    });
  }

  evidenceText(backed) {
    return format(this.sc.texts.evidence_result, {
      met: backed.met,
      total: backed.total,
      items: this.sc.items(backed.total),
      percent: backed.percent,
      tier: this.sc.tierName(backed.tier),
    });
  }
}
