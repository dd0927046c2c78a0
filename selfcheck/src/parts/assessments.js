/*
 * The assessments manager (#wwc-sc-assessments: open, new, rename in each row (assessment-rename.js),
 * duplicate, delete with undo, CSV; the open assessment's name, city and date are edited in
 * #wwc-sc-tools too). It owns its root element and talks only to the model (lib/assessments.js);
 * user text goes in through textContent and setAttribute only. The storage banner is storage-banner.js.
 *
 * ctx: { model, edition, editionNames (Map: edition id -> short title), settings (payload.assessments), texts,
 *        reload() (the controller re-reads model.current() and re-renders), goToEdition(editionId),
 *        download(name, type, text), announce(message) }
 */

import { csv, exportFile } from "../lib/index.js";
import { format } from "../lib/format.js";
import { button, field, scrollBox } from "../view/controls.js";
import { element } from "../view/dom.js";
import { ContextPart } from "../view/part.js";
import { RowRename } from "./assessment-rename.js";

function shortDate(iso) {
  return iso ? String(iso).slice(0, 16).replace("T", " ") : "";
}

/* ---- the assessments manager --------------------------------------------------------- */

export class Manager extends ContextPart {
  constructor(root, ctx) {
    super(root, ctx);
    this.rename = new RowRename(this);
    this.build();
  }

  build() {
    const t = this.texts;
    this.root.replaceChildren();
    this.root.setAttribute("aria-labelledby", "wwc-sc-assessments-heading");
    const heading = element("h2", null, t.manager_heading);
    heading.id = "wwc-sc-assessments-heading";
    this.details = element("div", "wwc-sc-assessment-details");
    this.csv = button(t.csv_button);
    this.csv.id = "wwc-sc-csv";
    this.csv.addEventListener("click", () => {
      this.downloadCsv();
    });
    this.details.appendChild(this.csv);

    this.table = element("table", "wwc-sc-assessment-list");
    this.table.id = "wwc-sc-assessment-list";
    this.table.appendChild(element("caption", null, t.list_caption));
    const head = element("tr");
    [t.col_name, t.col_edition, t.col_city, t.col_date, t.col_updated, t.col_answers, t.col_actions].forEach(
      (label) => {
        const th = element("th", null, label);
        th.setAttribute("scope", "col");
        head.appendChild(th);
      },
    );
    const thead = element("thead");
    thead.appendChild(head);
    this.body = element("tbody");
    this.table.append(thead, this.body);

    const creating = element("div", "wwc-sc-new-assessment");
    this.newName = field("wwc-sc-new-name", t.new_name_label, "text");
    this.newButton = button(t.new_button);
    this.newButton.id = "wwc-sc-new";
    this.newButton.addEventListener("click", () => {
      this.createNew();
    });
    creating.append(this.newName.wrapper, this.newButton);

    this.undo = button("", { className: "wwc-sc-undo-delete" });
    this.undo.id = "wwc-sc-undo-delete";
    this.undo.hidden = true;
    this.undo.addEventListener("click", () => {
      this.undoDelete();
    });
    this.message = element("p", "wwc-sc-manager-message");
    this.message.id = "wwc-sc-manager-message";
    this.message.setAttribute("role", "status");

    // The empty state says how a first assessment comes to be, as a sentence (not a table of headings
    // whose one cell is wider than a phone).
    this.empty = element("p", "wwc-sc-list-empty", t.list_empty);
    this.tableBox = scrollBox(this.table, t.list_caption);
    this.root.append(
      heading,
      element("p", "wwc-sc-hint", t.manager_intro),
      this.details,
      this.empty,
      this.tableBox,
      creating,
      this.undo,
      this.message,
    );
    this.root.hidden = false;
  }

  render() {
    const current = this.ctx.model.current();
    this.body.replaceChildren();
    const list = this.ctx.model.list();
    list.forEach(function (assessment) {
      this.body.appendChild(this.row(assessment, assessment.id === current.id));
    }, this);
    this.empty.hidden = list.length > 0;
    this.tableBox.hidden = !list.length;
  }

  row(assessment, isOpen) {
    const t = this.texts;
    const row = element("tr");
    row.setAttribute("data-wwc-assessment", assessment.id);
    const nameCell = element("th", null, assessment.name || t.new_name);
    nameCell.setAttribute("scope", "row");
    if (isOpen) {
      nameCell.appendChild(document.createTextNode(` ${t.is_open}`));
      row.className = "wwc-sc-open-row";
    }
    const editionName =
      this.ctx.editionNames.get(assessment.edition) || format(t.unknown_edition, { edition: assessment.edition });
    row.append(
      nameCell,
      element("td", null, editionName),
      element("td", null, assessment.city),
      element("td", null, assessment.date),
      element("td", null, shortDate(assessment.updated)),
      element("td", null, String(Object.keys(assessment.answers || {}).length)),
    );
    const actions = element("td", "wwc-sc-actions");
    if (!isOpen && this.ctx.editionNames.has(assessment.edition)) {
      actions.appendChild(
        this.action(t.open_button, assessment, () => {
          this.open(assessment);
        }),
      );
    }
    actions.appendChild(this.rename.button(assessment));
    actions.appendChild(
      this.action(t.duplicate_button, assessment, () => {
        this.duplicate(assessment);
      }),
    );
    actions.appendChild(
      this.action(t.delete_button, assessment, () => {
        this.remove(assessment);
      }),
    );
    row.appendChild(actions);
    return row;
  }

  /* Each action button names its assessment for screen readers ("Open 2026 draft"). */
  action(label, assessment, handler) {
    const node = button(label);
    node.setAttribute("aria-label", `${label} ${assessment.name || this.texts.new_name}`);
    node.addEventListener("click", handler);
    return node;
  }

  /* `focus`: the message is the result of the user's action, so focus moves to it (read out, and the
     next Tab continues from there). */
  say(message, focus) {
    this.message.textContent = message;
    if (focus) {
      this.message.setAttribute("tabindex", "-1");
      this.message.focus();
    }
  }

  after(result, message, focus) {
    this.ctx.changed(result);
    this.ctx.reload();
    this.render();
    if (message) {
      this.say(message, focus);
    }
  }

  createNew() {
    const name = this.newName.input.value.trim() || this.texts.new_name;
    const result = this.ctx.model.create({ name: name });
    this.newName.input.value = "";
    this.after(result, format(this.texts.created, { name: name }));
    // Its name, city and date are edited in the tools section, the page's one place for them.
    this.ctx.focusName();
  }

  open(assessment) {
    const result = this.ctx.model.openAssessment(assessment.id);
    if (result.navigate) {
      this.ctx.goToEdition(result.navigate);
      return;
    }
    this.after(result);
  }

  duplicate(assessment) {
    const name = format(this.texts.copy_name, { name: assessment.name || this.texts.new_name });
    this.after(this.ctx.model.duplicate(assessment.id, name), format(this.texts.duplicated, { name: name }), true);
  }

  remove(assessment) {
    const result = this.ctx.model.remove(assessment.id);
    this.deleted = assessment;
    this.undo.textContent = format(this.texts.undo_delete, { name: assessment.name || this.texts.new_name });
    this.undo.hidden = false;
    this.after(result, format(this.texts.deleted, { name: assessment.name || this.texts.new_name }));
    this.undo.focus();
  }

  undoDelete() {
    if (!this.deleted) {
      return;
    }
    const name = this.deleted.name || this.texts.new_name;
    const result = this.ctx.model.undoRemove(this.deleted.id);
    this.deleted = null;
    this.undo.hidden = true;
    this.after(result, format(this.texts.restored_deleted, { name: name }), true);
  }

  downloadCsv() {
    const current = this.ctx.model.current();
    const settings = this.ctx.settings.csv;
    const text = csv.assessmentCsv(this.ctx.csvEdition(), current, settings.headings, settings.evidence);
    const name = `${exportFile.baseName(this.ctx.filePrefix, current, new Date())}.csv`;
    this.ctx.download(name, "text/csv;charset=utf-8", text);
    this.say(format(this.texts.csv_done, { file: name }), true);
  }
}
