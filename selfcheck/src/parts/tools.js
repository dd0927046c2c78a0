/*
 * Save, share and print (#wwc-sc-tools): the open assessment's name, city and report date (the
 * page's only fields for them: the report and the CSV read them), export, import, start over with
 * one undo, print and the messages. Whether saving works is the storage banner's to say. Export and import
 * are wwc-sc-transfer.js, loaded on first use.
 */

import { exportFile } from "../lib/index.js";
import { format } from "../lib/format.js";
import { byId, download, element } from "../view/dom.js";

const IDENTITY = { city: "wwc-sc-city", date: "wwc-sc-date", name: "wwc-sc-name" };

export class Tools {
  constructor(root, sc) {
    this.root = root;
    this.sc = sc;
    this.texts = sc.texts;
    this.undo = null;
    this.bind();
  }

  bind() {
    // Export and import read and check files with WWCExport, loaded on first use.
    byId("wwc-sc-export").addEventListener("click", () => {
      this.exportAnswers();
    });
    byId("wwc-sc-import-file").addEventListener("change", (event) => {
      this.importFile(event.target);
    });
    byId("wwc-sc-start-over").addEventListener("click", () => {
      this.askStartOver();
    });
    byId("wwc-sc-undo").addEventListener("click", () => {
      this.undoLast();
    });
    byId("wwc-sc-print").addEventListener("click", () => {
      this.sc.print();
    });
    byId("wwc-sc-confirm-yes").addEventListener("click", () => {
      this.closeConfirm(true);
    });
    byId("wwc-sc-confirm-no").addEventListener("click", () => {
      this.closeConfirm(false);
    });
    byId("wwc-sc-confirm").addEventListener("cancel", (event) => {
      event.preventDefault();
      this.closeConfirm(false);
    });
    Object.keys(IDENTITY).forEach((key) => {
      const input = byId(IDENTITY[key]);
      const save = () => {
        const value = input.value.slice(0, this.sc.limits[key] || 200);
        if (this.sc.model.current()[key] !== value) {
          this.sc.change(
            null,
            (assessment) => {
              assessment[key] = value;
            },
            { identity: true },
          );
        }
      };
      input.addEventListener("input", save);
      input.addEventListener("change", save);
    });
  }

  update(view) {
    Object.keys(IDENTITY).forEach((key) => {
      const input = byId(IDENTITY[key]);
      const value = typeof view.assessment[key] === "string" ? view.assessment[key] : "";
      if (input.value !== value && document.activeElement !== input) {
        input.value = value;
      }
    });
  }

  clearMessages() {
    byId("wwc-sc-alert").replaceChildren();
    byId("wwc-sc-notice").replaceChildren();
  }

  showAlert(message) {
    this.clearMessages();
    byId("wwc-sc-alert").appendChild(element("p", null, message));
  }

  /* message: text; listItems: texts; link: { text, href } shown after the message. */
  showNotice(message, listItems, link) {
    this.clearMessages();
    const notice = byId("wwc-sc-notice");
    const paragraph = element("p", null, message);
    if (link) {
      const anchor = element("a", null, link.text);
      anchor.setAttribute("href", link.href);
      paragraph.append(" ", anchor);
    }
    notice.appendChild(paragraph);
    if (listItems?.length) {
      const list = element("ul", "wwc-sc-unmatched");
      listItems.forEach((line) => {
        list.appendChild(element("li", null, line));
      });
      notice.appendChild(list);
    }
  }

  askStartOver() {
    const count = Object.keys(this.sc.model.current().answers).length;
    if (!count) {
      this.showNotice(this.texts.nothing_to_clear);
      return;
    }
    const question = format(this.texts.confirm_start_over, { count: count, edition: this.sc.edition.short_title });
    const dialog = byId("wwc-sc-confirm");
    if (typeof dialog.showModal !== "function") {
      // No <dialog> support: the browser's own confirmation still asks first.
      if (window.confirm(question)) {
        this.startOver();
      }
      return;
    }
    byId("wwc-sc-confirm-text").textContent = question;
    dialog.showModal();
    byId("wwc-sc-confirm-no").focus();
  }

  closeConfirm(confirmed) {
    const dialog = byId("wwc-sc-confirm");
    if (dialog.open) {
      dialog.close();
    }
    if (confirmed) {
      this.startOver();
    } else {
      byId("wwc-sc-start-over").focus();
    }
  }

  /* Replace answers and evidence (and, from an imported file, name, city and date), keeping
     the old ones for one undo. */
  replaceWork(answers, evidence, identity) {
    const current = this.sc.model.current();
    this.undo = JSON.parse(JSON.stringify({ answers: current.answers, evidence: current.evidence }));
    this.sc.change(
      null,
      (assessment) => {
        assessment.answers = answers;
        assessment.evidence = evidence;
        Object.keys(identity || {}).forEach((key) => {
          assessment[key] = identity[key];
        });
      },
      { keepUndo: true },
    );
    byId("wwc-sc-undo").hidden = false;
  }

  startOver() {
    this.replaceWork({}, {});
    this.showNotice(this.texts.cleared);
    byId("wwc-sc-undo").focus();
  }

  forgetUndo() {
    if (this.undo) {
      this.undo = null;
      byId("wwc-sc-undo").hidden = true;
    }
  }

  undoLast() {
    if (!this.undo) {
      return;
    }
    const saved = this.undo;
    this.forgetUndo();
    this.sc.change(null, (assessment) => {
      assessment.answers = saved.answers;
      assessment.evidence = saved.evidence;
    });
    this.showNotice(this.texts.restored);
    byId("wwc-sc-start-over").focus();
  }

  importFile(input) {
    const file = input.files?.[0];
    // Clear the input so choosing the same file again still fires "change".
    input.value = "";
    if (!file) {
      return;
    }
    // The file's check (export) and what an import offers (share: save as new, compare, merge).
    this.readFile(file);
  }

  exportAnswers() {
    const settings = this.sc.data.export;
    const now = new Date();
    const assessment = this.sc.model.current();
    const file = exportFile.buildExport(settings, assessment, this.sc.view().result, now);
    const name = exportFile.exportFileName(settings.file_prefix, assessment.edition, now);
    download(name, "application/json", `${JSON.stringify(file, null, 2)}\n`);
    this.showNotice(format(this.texts.exported, { file: name }));
  }

  readFile(file) {
    const settings = this.sc.data.export;
    if (file.size > settings.max_bytes) {
      this.refuseImport(file.name, { code: "too-large", details: { size: file.size, max: settings.max_bytes } });
      return;
    }
    const reader = new FileReader();
    reader.onload = () => {
      this.importText(file.name, String(reader.result), file.size);
    };
    reader.onerror = () => {
      this.refuseImport(file.name, { code: "read-failed", details: {} });
    };
    reader.readAsText(file);
  }

  importText(fileName, text, size) {
    const sc = this.sc;
    const parsed = exportFile.parseExport(text, size, this.exportSettings(), Object.keys(sc.data.editions));
    if (!parsed.ok) {
      this.refuseImport(fileName, parsed.error);
      return;
    }
    const data = parsed.data;
    if (data.edition !== sc.edition.id) {
      const link = document.querySelector(`[data-wwc-edition-link="${data.edition}"]`);
      this.showNotice(
        format(this.texts.imported_other_edition, { file: fileName, edition: sc.data.editions[data.edition] }),
        null,
        link ? { text: sc.data.editions[data.edition], href: link.getAttribute("href") } : null,
      );
      return;
    }
    const matched = exportFile.matchAnswers(sc.edition, data.answers);
    const evidence = exportFile.matchEvidence(sc.edition, data.evidence || {});
    const identity = {};
    ["name", "city", "date"].forEach((key) => {
      if (data.assessment && typeof data.assessment[key] === "string") {
        identity[key] = data.assessment[key].slice(0, sc.limits[key] || 200);
      }
    });
    this.reportImport(fileName, matched, evidence.dropped);
    if (sc.multi) {
      // Several assessments: nothing is replaced without asking (save as new, compare, merge or replace).
      sc.multi.offerImport({
        name: identity.name || fileName,
        edition: data.edition,
        city: identity.city || "",
        date: identity.date || "",
        answers: matched.answers,
        evidence: evidence.evidence,
        carries: { ticks: true, notes: true },
      });
      return;
    }
    this.replaceWork(matched.answers, evidence.evidence, identity);
  }

  /* The export settings, with ids of this page's edition as the examples refusals give. */
  exportSettings() {
    const edition = this.sc.edition;
    const first = edition.groups[0].criteria[0];
    const items = (first.requirements || []).concat(first.documentation || []);
    return Object.assign(
      { examples: { criterion: first.id, state: edition.answer_states[0].id, edition: edition.id, item: items[0] } },
      this.sc.data.export,
    );
  }

  reportImport(fileName, matched, dropped) {
    const texts = this.texts;
    let message = format(texts.imported, { count: Object.keys(matched.answers).length, file: fileName });
    if (dropped) {
      message += ` ${format(texts.imported_evidence_dropped, { count: dropped, item: this.sc.edition.item_label })}`;
    }
    if (!matched.unmatched.length) {
      this.showNotice(message);
      return;
    }
    this.showNotice(
      message +
        " " +
        format(texts.imported_unmatched, { count: matched.unmatched.length, item: this.sc.edition.item_label }),
      this.describeUnmatched(matched.unmatched),
    );
  }

  refuseImport(fileName, error) {
    const reason = format(this.texts[ERROR_TEXTS[error.code]] || error.code, error.details || {});
    this.showAlert(format(this.texts.import_refused, { file: fileName, reason: reason }));
  }

  describeUnmatched(unmatched) {
    const texts = this.texts;
    const item = this.sc.edition.item_label;
    return unmatched.map((entry) => {
      const template = entry.reason === "unknown-id" ? texts.unmatched_unknown_id : texts.unmatched_unknown_state;
      return format(template, { id: entry.id, state: entry.state, item: item });
    });
  }
}

/* ---- the view of the state ---- */

/* ---- messages ---- */

/* ---- start over and undo ---- */

/* ---- export and import: wwc-sc-transfer.js, loaded on first use with the file's checks ---- */

const ERROR_TEXTS = {
  "too-large": "error_too_large",
  "not-json": "error_not_json",
  foreign: "error_foreign",
  "newer-version": "error_newer_version",
  "unsupported-version": "error_unsupported_version",
  invalid: "error_invalid",
  "unknown-edition": "error_unknown_edition",
  "read-failed": "error_read_failed",
};

/* ---- export ---- */

/* ---- import ---- */
