/*
 * The answer view's list of areas (#wwc-sc-areas): one area of the form at a time (or all at once),
 * each area's progress (answered of total), and the filter (unanswered, flagged, met without
 * evidence). The areas are the form's group sections; the list's links are their headings'
 * addresses, so the views part routes them and tells this part which element was asked for.
 */

import { ELEMENTS } from "../elements.js";
import { format } from "../lib/format.js";
import { hasOwn } from "../lib/keys.js";
import { scoring } from "../lib/index.js";
import { requireElement, setText } from "../view/dom.js";

export class Areas {
  /**
   * @param {HTMLElement} root #wwc-sc-areas
   * @param {any} sc the controller (app.js)
   */
  constructor(root, sc) {
    this.root = root;
    this.sc = sc;
    this.filter = /** @type {HTMLSelectElement} */ (requireElement(root, `#${ELEMENTS.filter}`));
    this.empty = requireElement(root, ".wwc-sc-filter-empty");
    /** @type {Map<string, HTMLElement>} */
    this.groups = new Map();
    for (const section of sc.form.querySelectorAll("[data-wwc-group]")) {
      this.groups.set(section.getAttribute("data-wwc-group"), section);
    }
    /** The area shown, or "" for all at once. */
    this.area = this.groups.keys().next().value || "";
    this.metIds = scoring.metStates(sc.edition);
    this.filter.addEventListener("change", () => this.applyFilter(sc.view()));
  }

  /**
   * The answer view is shown; `target` is the element its address names, if any.
   * @param {HTMLElement | null} target
   */
  reveal(target) {
    const group = target?.closest("[data-wwc-group]");
    if (group) {
      this.select(group.getAttribute("data-wwc-group") || "");
    } else if (target && this.sc.form.contains(target)) {
      this.select("");
    } else {
      this.select(this.area);
    }
    // A criterion asked for by its address is shown even when the filter would hide it.
    if (target?.hidden) {
      this.filter.value = "";
      this.applyFilter(this.sc.view());
    }
  }

  /** @param {string} area */
  select(area) {
    this.area = area;
    // All at once is the form as one pass: no "next area" stops between the areas.
    this.sc.form.toggleAttribute("data-wwc-all-areas", area === "");
    for (const [id, section] of this.groups) {
      section.hidden = area !== "" && id !== area;
    }
    for (const link of this.root.querySelectorAll("[data-wwc-area]")) {
      if (link.getAttribute("data-wwc-area") === area) {
        link.setAttribute("aria-current", "true");
      } else {
        link.removeAttribute("aria-current");
      }
    }
    this.applyFilter(this.sc.view());
  }

  update(/** @type {any} */ view) {
    const answers = view.assessment.answers;
    for (const group of this.sc.edition.groups) {
      const answered = group.criteria.filter((/** @type {any} */ c) => hasOwn(answers, c.id)).length;
      const values = { answered: answered, total: group.criteria.length };
      const node = this.root.querySelector(`[data-wwc-area-progress="${CSS.escape(group.id)}"]`);
      setText(node, format(this.sc.texts.area_progress, values));
      node?.setAttribute("title", format(this.sc.texts.area_progress_label, values));
      node?.classList.toggle("wwc-sc-area-done", answered === group.criteria.length);
    }
    // The filter is applied when chosen, not on each answer: a criterion answered under "unanswered"
    // stays where it is, with the keyboard's focus on it.
  }

  /**
   * Whether a criterion passes the filter.
   * @param {any} view
   * @param {string} id
   */
  matches(view, id) {
    const answers = view.assessment.answers;
    switch (this.filter.value) {
      case "unanswered":
        return !hasOwn(answers, id);
      case "flagged":
        return view.flagged.has(id);
      case "no-evidence": {
        const met = hasOwn(answers, id) && this.metIds.indexOf(answers[id]) !== -1;
        const entry = hasOwn(view.assessment.evidence, id) ? view.assessment.evidence[id] : null;
        return met && !(entry && Array.isArray(entry.items) && entry.items.length);
      }
      default:
        return true;
    }
  }

  /** @param {any} view */
  applyFilter(view) {
    let shown = 0;
    for (const [id, section] of this.groups) {
      for (const fieldset of section.querySelectorAll("[data-wwc-criterion]")) {
        const on = this.matches(view, fieldset.getAttribute("data-wwc-criterion") || "");
        /** @type {HTMLElement} */ (fieldset).hidden = !on;
        if (on && (this.area === "" || this.area === id)) {
          shown += 1;
        }
      }
    }
    setText(this.empty, shown ? "" : format(this.sc.texts.filter_empty, { item: this.sc.edition.item_label }));
  }
}
