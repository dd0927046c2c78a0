/*
 * Evidence in the form (#wwc-sc-form-<edition>, the root it owns with the answers' controller):
 * one EvidencePanel per criterion's "Evidence" panel, built on its first opening (focus stays on
 * the panel's summary). This part saves the ticks and the dates of evidence at once (on change) and the
 * notes, owner and due date shortly after typing stops (and on change, and before the page goes away), then shows each panel's state.
 */

import { entryOf, readEntry } from "../view/evidence-entry.js";
import { EvidencePanel } from "./evidence-panel.js";

const SAVE_DELAY = 400;

export class Evidence {
  /**
   * @param {HTMLFormElement} form
   * @param {any} sc the controller (app.js)
   */
  constructor(form, sc) {
    this.form = form;
    this.sc = sc;
    /** @type {Map<string, EvidencePanel>} */
    this.panels = new Map();
    for (const details of form.querySelectorAll("[data-wwc-evidence]")) {
      const panel = new EvidencePanel(/** @type {HTMLDetailsElement} */ (details), sc);
      this.panels.set(panel.id, panel);
    }
    /** @type {Map<string, number>} field id -> pending save timer */
    this.pending = new Map();
    this.bind();
  }

  bind() {
    this.form.addEventListener("change", (event) => {
      const target = /** @type {any} */ (event.target);
      if (target.type === "checkbox" && target.closest("[data-wwc-kind]")) {
        this.tick(target);
      } else if (target.hasAttribute("data-wwc-date")) {
        this.panels.get(this.criterionOf(target) || "")?.dates?.save(target);
      } else if (target.hasAttribute("data-wwc-field")) {
        this.flush(target);
      }
    });
    this.form.addEventListener("input", (event) => {
      const target = /** @type {any} */ (event.target);
      if (target.hasAttribute("data-wwc-field")) {
        this.schedule(target);
      }
    });
    // Built on the summary's click (mouse, Enter or Space), before the panel opens, so it opens
    // filled; toggle catches a panel opened any other way.
    this.form.addEventListener("click", (event) => {
      const summary = /** @type {any} */ (event.target).closest?.("summary");
      this.open(summary?.parentNode.getAttribute("data-wwc-evidence"));
    });
    this.form.addEventListener(
      "toggle",
      (event) => {
        const target = /** @type {any} */ (event.target);
        if (target.open) {
          this.open(target.getAttribute?.("data-wwc-evidence"));
        }
      },
      true,
    );
    // Typing not yet saved is saved before the page goes away.
    window.addEventListener("pagehide", () => this.flushAll());
  }

  /** @param {string | null | undefined} id */
  open(id) {
    if (id) {
      this.panels.get(id)?.build();
    }
  }

  /** @param {Element} node */
  criterionOf(node) {
    return node.closest("[data-wwc-evidence]")?.getAttribute("data-wwc-evidence") || null;
  }

  /** @param {HTMLInputElement} box */
  tick(box) {
    const id = this.criterionOf(box);
    this.sc.change(id, (/** @type {any} */ assessment) => {
      const entry = entryOf(assessment, id);
      const at = entry.items.indexOf(box.value);
      if (box.checked && at === -1) {
        entry.items.push(box.value);
      } else if (!box.checked && at !== -1) {
        entry.items.splice(at, 1);
      }
    });
  }

  /* ---- notes, owner, due date: saved shortly after typing stops, and on change ---- */

  /** @param {HTMLInputElement} field */
  schedule(field) {
    window.clearTimeout(this.pending.get(field.id));
    this.pending.set(
      field.id,
      window.setTimeout(() => this.flush(field), SAVE_DELAY),
    );
  }

  /** @param {HTMLInputElement} field */
  flush(field) {
    window.clearTimeout(this.pending.get(field.id));
    this.pending.delete(field.id);
    const id = this.criterionOf(field);
    const key = field.getAttribute("data-wwc-field");
    const value = field.value.slice(0, this.sc.limits[key] || 5000);
    if (readEntry(this.sc.model.current(), id)[key] === value) {
      return;
    }
    this.panels.get(id)?.save(key, value);
  }

  flushAll() {
    for (const fieldId of [...this.pending.keys()]) {
      const field = /** @type {HTMLInputElement | null} */ (this.form.querySelector(`#${CSS.escape(fieldId)}`));
      if (field) {
        this.flush(field);
      }
    }
  }

  /**
   * @param {any} view
   * @param {string | null} changed a criterion id (only its panel is touched) or null (all, after a load or import)
   */
  update(view, changed) {
    const panels = changed ? [this.panels.get(changed)] : this.panels.values();
    for (const panel of panels) {
      if (panel) {
        panel.fill(view.assessment);
        panel.showState(view);
      }
    }
  }
}
