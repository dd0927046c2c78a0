/*
 * The assessments manager (#wwc-sc-assessments: open, new, duplicate, delete with undo, CSV; the
 * open assessment's name, city and date are edited in #wwc-sc-tools only) and the storage banner
 * (#wwc-sc-banner). Each owns its root element and talks only to the model (lib/assessments.js);
 * user text goes in through textContent and setAttribute only.
 *
 * ctx: { model, edition, editionNames (Map: edition id -> short title), settings (payload.assessments), texts,
 *        reload() (the controller re-reads model.current() and re-renders), goToEdition(editionId),
 *        download(name, type, text), announce(message) }
 */

import { csv, exportFile } from "../lib/index.js";
import { format, formatCount } from "../lib/format.js";
import { button, field, scrollBox } from "../view/controls.js";
import { element } from "../view/dom.js";
import { ContextPart } from "../view/part.js";

function shortDate(iso) {
  return iso ? String(iso).slice(0, 16).replace("T", " ") : "";
}

/* ---- the assessments manager --------------------------------------------------------- */

export class Manager extends ContextPart {
  constructor(root, ctx) {
    super(root, ctx);
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

    this.root.append(
      heading,
      element("p", "wwc-sc-hint", t.manager_intro),
      this.details,
      scrollBox(this.table, t.list_caption),
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
    if (!list.length) {
      // The empty state says how a first assessment comes to be, not a table of headings alone.
      const row = element("tr", "wwc-sc-list-empty");
      const cell = element("td", null, this.texts.list_empty);
      cell.colSpan = 7;
      row.appendChild(cell);
      this.body.appendChild(row);
    }
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

/* ---- the storage banner ------------------------------------------------------------ */

export class Banner extends ContextPart {
  constructor(root, ctx) {
    super(root, ctx);
    this.wasFailing = false;
    root.setAttribute("role", "alert");
  }

  messages(status) {
    const t = this.texts;
    const list = [];
    if (status.newerVersion) {
      list.push(format(t.banner_newer, { version: status.newerVersion }));
    } else if (status.readFailed) {
      list.push(t.banner_read_failed);
    } else if (status.corrupt) {
      list.push(t.banner_corrupt);
    } else if (!status.available) {
      list.push(t.banner_unavailable);
    } else if (status.saveFailed) {
      list.push(t.banner_save_failed);
    }
    return list;
  }

  /* Called after every change: a failed save is said again each time (so a screen reader hears it
     on every change), and the warning clears as soon as a save works again. */
  render() {
    const t = this.texts;
    const status = this.ctx.model.status();
    const failing = this.messages(status);
    const nodes = failing.map((message) => element("p", "wwc-sc-banner-warning", message));
    if (failing.length) {
      nodes.push(this.exportButton(t.banner_export, "wwc-sc-banner-export", false));
    }
    if (status.unreadableCopy) {
      nodes.push(element("p", "wwc-sc-banner-note", format(t.banner_unreadable_copy, { key: status.unreadableCopy })));
    }
    if (status.keptAside?.length) {
      nodes.push(
        element(
          "p",
          "wwc-sc-banner-note",
          formatCount(t.banner_kept_aside, status.keptAside.length, { count: status.keptAside.length }),
        ),
      );
      const list = element("ul", "wwc-sc-kept-aside");
      status.keptAside.forEach((entry) => {
        list.appendChild(
          element(
            "li",
            null,
            formatCount(t[`aside_${entry.kind.replace(/-/g, "_")}`] || entry.kind, Number(entry.count) || 0, entry),
          ),
        );
      });
      nodes.push(list, this.exportButton(t.banner_export_aside, "wwc-sc-banner-export-aside", true));
    }
    if (!failing.length && this.wasFailing) {
      nodes.unshift(element("p", "wwc-sc-banner-ok", t.banner_saved_again));
    }
    this.wasFailing = failing.length > 0;
    this.root.replaceChildren.apply(this.root, nodes);
    this.root.classList.toggle("wwc-sc-banner-failing", failing.length > 0);
    this.root.hidden = !nodes.length;
  }

  exportButton(label, id, asideOnly) {
    const node = button(label);
    node.id = id;
    node.addEventListener("click", () => {
      this.ctx.downloadBackup(asideOnly);
    });
    return node;
  }
}
