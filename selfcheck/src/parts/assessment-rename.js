/*
 * Rename, in each row of the assessments list (parts/assessments.js Manager): the row's Rename button
 * (named with the assessment's name for screen readers) turns the name cell into a labelled field
 * with Save and Cancel; Enter saves, Escape cancels. The result is said in the row itself, beside the
 * control that caused it, and focus moves to it. An empty name is refused there, the name unchanged.
 */

import { format } from "../lib/format.js";
import { button } from "../view/controls.js";
import { element } from "../view/dom.js";

export class RowRename {
  /** @param {any} manager the assessments manager (its ctx, texts, after() and body) */
  constructor(manager) {
    this.manager = manager;
    this.texts = manager.texts;
  }

  /** @param {any} assessment */
  nameOf(assessment) {
    return assessment.name || this.texts.new_name;
  }

  /** The row's Rename button. @param {any} assessment */
  button(assessment) {
    const label = this.texts.rename_button;
    const node = button(label, { className: "wwc-sc-rename" });
    node.setAttribute("aria-label", `${label} ${this.nameOf(assessment)}`);
    node.addEventListener("click", () => this.edit(assessment));
    return node;
  }

  /** @param {string} id */
  row(id) {
    return this.manager.body.querySelector(`tr[data-wwc-assessment="${CSS.escape(id)}"]`);
  }

  /* The name cell becomes a form: a field labelled with the assessment's name, Save and Cancel. */
  edit(assessment) {
    const t = this.texts;
    const row = this.row(assessment.id);
    const cell = row?.querySelector("th");
    if (!cell) {
      return;
    }
    const id = `wwc-sc-rename-${assessment.id}`;
    const form = element("span", "wwc-sc-rename-form");
    const label = element("label", null, format(t.rename_label, { name: this.nameOf(assessment) }));
    label.setAttribute("for", id);
    const input = element("input");
    input.id = id;
    input.type = "text";
    input.value = assessment.name || "";
    const save = button(t.rename_save);
    const cancel = button(t.rename_cancel);
    save.addEventListener("click", () => this.save(assessment, input.value));
    cancel.addEventListener("click", () => this.cancel(assessment));
    input.addEventListener("keydown", (event) => {
      if (event.key === "Enter") {
        event.preventDefault();
        this.save(assessment, input.value);
      } else if (event.key === "Escape") {
        event.preventDefault();
        this.cancel(assessment);
      }
    });
    form.append(label, input, save, cancel);
    cell.replaceChildren(form);
    input.focus();
    input.select();
  }

  cancel(assessment) {
    this.manager.render();
    this.focusButton(assessment.id);
  }

  /** @param {any} assessment @param {string} value */
  save(assessment, value) {
    const t = this.texts;
    const name = String(value).trim();
    if (!name) {
      this.say(assessment.id, t.rename_empty, true);
      return;
    }
    const before = this.nameOf(assessment);
    this.manager.after(this.manager.ctx.model.rename(assessment.id, name));
    this.say(assessment.id, format(t.renamed, { from: before, to: name }), false);
  }

  /* The result in the row, focused; `keepForm`: the field stays for another try. */
  say(id, message, keepForm) {
    const row = this.row(id);
    const cell = row?.querySelector("th");
    if (!cell) {
      this.manager.say(message, true);
      return;
    }
    cell.querySelector(".wwc-sc-row-result")?.remove();
    const result = element("p", "wwc-sc-row-result", message);
    result.setAttribute("role", "status");
    result.setAttribute("tabindex", "-1");
    cell.appendChild(result);
    if (keepForm) {
      cell.querySelector("input")?.focus();
    } else {
      result.focus();
    }
  }

  /** @param {string} id */
  focusButton(id) {
    this.row(id)?.querySelector(".wwc-sc-rename")?.focus();
  }
}
