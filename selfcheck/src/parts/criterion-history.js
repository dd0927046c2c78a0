/*
 * One criterion's history, on request: a <details> at the end of the criterion's evidence panel
 * (its root, made here), whose summary names the criterion and how many changes it has; opening it
 * lists them, newest first, with the summaries of older ones. A list inside a disclosure: the
 * keyboard reaches it like any summary, and a screen reader hears a list.
 */

import { format } from "../lib/format.js";
import { byCriterion, summaries } from "../lib/history.js";
import { element } from "../view/dom.js";
import { entryText, summaryText } from "../view/history-entry.js";

export class CriterionHistory {
  /**
   * @param {HTMLDetailsElement} root the <details> (made by CriterionHistory.attach)
   * @param {string} id the criterion
   * @param {{texts: Record<string, string>, edition: any, checklists: any, current: () => any}} ctx
   */
  constructor(root, id, ctx) {
    this.root = root;
    this.id = id;
    this.ctx = ctx;
    this.label = element("span", "wwc-sc-history-label", format(ctx.texts.history_criterion_summary, { id }));
    this.countNode = element("span", "wwc-sc-history-count");
    const summary = element("summary");
    summary.append(this.label, " ", this.countNode);
    this.body = element("div", "wwc-sc-criterion-history-body");
    root.replaceChildren(summary, this.body);
    root.addEventListener("toggle", () => {
      if (root.open) {
        this.render();
      }
    });
  }

  /**
   * A history disclosure at the end of every criterion of `form`: in its evidence panel, made when
   * the panel is first opened (a page of 450 criteria makes none at start); where a criterion has no
   * panel, at the end of the criterion, made now.
   * @param {Element} form
   * @param {any} ctx
   * @returns {Map<string, CriterionHistory>} the disclosures made so far (it grows as panels open)
   */
  static attach(form, ctx) {
    /** @type {Map<string, CriterionHistory>} */
    const parts = new Map();
    /** @param {string} id @param {Element} host */
    const make = (id, host) => {
      const details = element("details", "wwc-sc-criterion-history");
      details.setAttribute("data-wwc-history", id);
      host.append(details);
      const part = new CriterionHistory(/** @type {HTMLDetailsElement} */ (details), id, ctx);
      part.update();
      parts.set(id, part);
    };
    for (const fieldset of form.querySelectorAll("[data-wwc-criterion]")) {
      const id = fieldset.getAttribute("data-wwc-criterion") || "";
      const panel = /** @type {HTMLDetailsElement | null} */ (fieldset.querySelector("[data-wwc-evidence]"));
      if (!panel) {
        make(id, fieldset);
        continue;
      }
      // Inside the panel, so that a keyboard pass over the answers meets no extra stop; last in it,
      // after what the panel builds when first opened (its toggle comes after that build).
      panel.addEventListener("toggle", () => {
        const part = parts.get(id);
        if (!panel.open) {
          return;
        }
        if (!part) {
          make(id, panel);
        } else if (panel.lastElementChild !== part.root) {
          panel.append(part.root);
        }
      });
    }
    return parts;
  }

  /** The count in the summary, and the list when open. */
  update() {
    const history = this.ctx.current().history;
    const count = byCriterion(history, this.id).length;
    const folded = summaries(history, { criterion: this.id }).reduce((sum, row) => sum + row.count, 0);
    this.countNode.textContent =
      count + folded ? format(this.ctx.texts.history_criterion_count, { count: count + folded }) : "";
    if (this.root.open) {
      this.render();
    }
  }

  render() {
    const history = this.ctx.current().history;
    const entries = byCriterion(history, this.id).slice().reverse();
    const rows = summaries(history, { criterion: this.id });
    if (!entries.length && !rows.length) {
      this.body.replaceChildren(element("p", null, this.ctx.texts.history_criterion_empty));
      return;
    }
    const list = element("ol", "wwc-sc-history-list");
    list.setAttribute("aria-label", this.label.textContent || "");
    list.append(...entries.map((entry) => element("li", null, entryText(this.ctx, entry, false))));
    const nodes = [list];
    if (rows.length) {
      const folded = element("ul", "wwc-sc-history-summaries");
      folded.append(...rows.map((row) => element("li", null, summaryText(this.ctx, row))));
      nodes.push(folded);
    }
    this.body.replaceChildren(...nodes);
  }
}
