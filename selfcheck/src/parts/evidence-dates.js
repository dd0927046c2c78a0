/*
 * The dates on one evidence panel's items (inside the panel's root): each requirement or document
 * with a time window gets a date field under its checkbox, labelled with the item it dates, and a
 * line beside it that says whether that evidence counts on the application date and from which day
 * it does not. A refused date (malformed, in the future, before the window can start) is said in
 * that line; the stored date stays as it was.
 */

import { format } from "../lib/format.js";
import { checkEvidenceDate, localDay } from "../lib/plan-dates.js";
import { element, setText, toggleClass } from "../view/dom.js";
import { entryOf, readEntry } from "../view/evidence-entry.js";

export class EvidenceDates {
  /** @param {any} panel the EvidencePanel (its sc, id, idBase) */
  constructor(panel) {
    this.panel = panel;
    this.sc = panel.sc;
    /** @type {Record<string, any>} item id -> window */
    this.windows = this.sc.criteria.get(panel.id).windows || {};
    /** @type {Map<string, {input: HTMLInputElement, line: HTMLElement, refused: boolean}>} */
    this.fields = new Map();
  }

  /** Is there anything to date in this criterion? */
  any() {
    return Object.keys(this.windows).length > 0;
  }

  /**
   * The date field of a ticked-list item, or null when its item has no window.
   * @param {string} itemId
   * @param {string} itemText
   */
  fieldFor(itemId, itemText) {
    const window = this.windows[itemId];
    if (!window) {
      return null;
    }
    const texts = this.sc.texts;
    const inputId = `${this.panel.idBase}-date-${itemId}`;
    const wrapper = element("div", "wwc-sc-item-date");
    const label = element("label", null, texts.evidence_date_label);
    label.setAttribute("for", inputId);
    label.append(element("span", "wwc-sc-visually-hidden", ` ${format(texts.evidence_date_for, { item: itemText })}`));
    const input = element("input");
    input.type = "date";
    input.id = inputId;
    input.setAttribute("data-wwc-date", itemId);
    const hint = element("small", "wwc-sc-date-window", format(texts.evidence_window, { window: window.label || "" }));
    hint.id = `${inputId}-window`;
    const line = element("p", "wwc-sc-date-line");
    line.id = `${inputId}-line`;
    line.setAttribute("aria-live", "polite");
    input.setAttribute("aria-describedby", `${hint.id} ${line.id}`);
    wrapper.append(label, input, hint, line);
    this.fields.set(itemId, { input, line, refused: false });
    return wrapper;
  }

  today() {
    return localDay(this.sc.now());
  }

  /**
   * Save the date typed for an item, or say beside it why not (the stored date is left as it was).
   * @param {HTMLInputElement} input
   */
  save(input) {
    const itemId = input.getAttribute("data-wwc-date") || "";
    const field = this.fields.get(itemId);
    if (!field) {
      return;
    }
    const value = input.value.trim();
    const assessment = this.sc.model.current();
    const checked = checkEvidenceDate(this.windows[itemId], value, this.today(), assessment.administration);
    if (!checked.ok) {
      this.refuse(field, checked, value);
      return;
    }
    field.refused = false;
    input.removeAttribute("aria-invalid");
    this.sc.change(this.panel.id, (/** @type {any} */ stored) => {
      const entry = entryOf(stored, this.panel.id);
      const dates = entry.dates && typeof entry.dates === "object" ? entry.dates : {};
      if (value) {
        dates[itemId] = value;
      } else {
        delete dates[itemId];
      }
      entry.dates = dates;
    });
  }

  /** @param {any} field @param {any} checked @param {string} value */
  refuse(field, checked, value) {
    const texts = this.sc.texts;
    const templates = {
      malformed: texts.date_malformed,
      future: texts.date_future,
      "before-window": texts.date_before_window,
    };
    field.refused = true;
    field.input.setAttribute("aria-invalid", "true");
    setText(field.line, format(templates[checked.code], { date: value, start: checked.start || "" }));
    toggleClass(field.line, "wwc-sc-warning-text", true);
  }

  /**
   * Show the stored dates (never over a field being typed in or a refused one) and each item's standing.
   * @param {any} assessment
   * @param {any} plan lib/plan-dates.js planOf() of the assessment
   */
  fill(assessment, plan) {
    const entry = readEntry(assessment, this.panel.id);
    const dates = entry.dates && typeof entry.dates === "object" ? entry.dates : {};
    for (const [itemId, field] of this.fields) {
      const stored = typeof dates[itemId] === "string" ? dates[itemId] : "";
      if (document.activeElement !== field.input && !field.refused && field.input.value !== stored) {
        field.input.value = stored;
      }
      if (!field.refused) {
        this.showStanding(itemId, field, plan);
      }
    }
  }

  /** @param {string} itemId @param {any} field @param {any} plan */
  showStanding(itemId, field, plan) {
    const texts = this.sc.texts;
    const item = plan.items.find((entry) => entry.criterion === this.panel.id && entry.item === itemId);
    let text = "";
    let outside = false;
    if (item && plan.application) {
      outside = !item.inside;
      const template = outside ? texts.date_outside : item.firstOutside ? texts.date_counts : texts.date_counts_open;
      text = format(template, { application: plan.application, outside: item.firstOutside || "" });
    } else if (item?.firstOutside) {
      text = format(texts.date_no_application, { outside: item.firstOutside });
    }
    setText(field.line, text);
    toggleClass(field.line, "wwc-sc-warning-text", outside);
  }
}
