/*
 * Save, share and print (#wwc-sc-tools): the open assessment's name, city and report date (the
 * page's only fields for them: the report and the CSV read them), export, import, start over with
 * one undo, print and the messages. Whether saving works is the storage banner's to say. Export and import
 * are wwc-sc-transfer.js, loaded on first use.
 */

import { exportFile } from "../lib/index.js";
import { format } from "../lib/format.js";
import { download, element } from "../view/dom.js";

var IDENTITY = { city: "wwc-sc-city", date: "wwc-sc-date", name: "wwc-sc-name" };

function byId(id) {
  return document.getElementById(id);
}

export class Tools {

  constructor(root, sc) {
    this.root = root;
    this.sc = sc;
    this.texts = sc.texts;
    this.undo = null;
    this.bind();
  }

  bind() {
    var self = this;
    // Export and import read and check files with WWCExport, loaded on first use.
    byId("wwc-sc-export").addEventListener("click", function () {
      self.exportAnswers();
    });
    byId("wwc-sc-import-file").addEventListener("change", function (event) { self.importFile(event.target); });
    byId("wwc-sc-start-over").addEventListener("click", function () { self.askStartOver(); });
    byId("wwc-sc-undo").addEventListener("click", function () { self.undoLast(); });
    byId("wwc-sc-print").addEventListener("click", function () { self.sc.print(); });
    byId("wwc-sc-confirm-yes").addEventListener("click", function () { self.closeConfirm(true); });
    byId("wwc-sc-confirm-no").addEventListener("click", function () { self.closeConfirm(false); });
    byId("wwc-sc-confirm").addEventListener("cancel", function (event) {
      event.preventDefault();
      self.closeConfirm(false);
    });
    Object.keys(IDENTITY).forEach(function (key) {
      var input = byId(IDENTITY[key]);
      var save = function () {
        var value = input.value.slice(0, self.sc.limits[key] || 200);
        if (self.sc.model.current()[key] !== value) {
          self.sc.change(null, function (assessment) { assessment[key] = value; }, { identity: true });
        }
      };
      input.addEventListener("input", save);
      input.addEventListener("change", save);
    });
  }

  update(view) {
    Object.keys(IDENTITY).forEach(function (key) {
      var input = byId(IDENTITY[key]);
      var value = typeof view.assessment[key] === "string" ? view.assessment[key] : "";
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
    var notice = byId("wwc-sc-notice");
    var paragraph = element("p", null, message);
    if (link) {
      var anchor = element("a", null, link.text);
      anchor.setAttribute("href", link.href);
      paragraph.append(" ", anchor);
    }
    notice.appendChild(paragraph);
    if (listItems && listItems.length) {
      var list = element("ul", "wwc-sc-unmatched");
      listItems.forEach(function (line) { list.appendChild(element("li", null, line)); });
      notice.appendChild(list);
    }
  }

  askStartOver() {
    var count = Object.keys(this.sc.model.current().answers).length;
    if (!count) {
      this.showNotice(this.texts.nothing_to_clear);
      return;
    }
    var question = format(this.texts.confirm_start_over, { count: count, edition: this.sc.edition.short_title });
    var dialog = byId("wwc-sc-confirm");
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
    var dialog = byId("wwc-sc-confirm");
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
    var current = this.sc.model.current();
    this.undo = JSON.parse(JSON.stringify({ answers: current.answers, evidence: current.evidence }));
    this.sc.change(null, function (assessment) {
      assessment.answers = answers;
      assessment.evidence = evidence;
      Object.keys(identity || {}).forEach(function (key) { assessment[key] = identity[key]; });
    }, { keepUndo: true });
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
    var saved = this.undo;
    this.forgetUndo();
    this.sc.change(null, function (assessment) {
      assessment.answers = saved.answers;
      assessment.evidence = saved.evidence;
    });
    this.showNotice(this.texts.restored);
    byId("wwc-sc-start-over").focus();
  }

  importFile(input) {
    var file = input.files && input.files[0];
    // Clear the input so choosing the same file again still fires "change".
    input.value = "";
    if (!file) {
      return;
    }
    var self = this;
    // The file's check (export) and what an import offers (share: save as new, compare, merge).
    this.readFile(file);
  }

  exportAnswers() {
    var settings = this.sc.data.export;
    var now = new Date();
    var assessment = this.sc.model.current();
    var file = exportFile.buildExport(settings, assessment, this.sc.view().result, now);
    var name = exportFile.exportFileName(settings.file_prefix, assessment.edition, now);
    download(name, "application/json", JSON.stringify(file, null, 2) + "\n");
    this.showNotice(format(this.texts.exported, { file: name }));
  }

  readFile(file) {
    var settings = this.sc.data.export;
    if (file.size > settings.max_bytes) {
      this.refuseImport(file.name, { code: "too-large", details: { size: file.size, max: settings.max_bytes } });
      return;
    }
    var self = this;
    var reader = new FileReader();
    reader.onload = function () { self.importText(file.name, String(reader.result), file.size); };
    reader.onerror = function () { self.refuseImport(file.name, { code: "read-failed", details: {} }); };
    reader.readAsText(file);
  }

  importText(fileName, text, size) {
    var sc = this.sc;
    var parsed = exportFile.parseExport(text, size, this.exportSettings(), Object.keys(sc.data.editions));
    if (!parsed.ok) {
      this.refuseImport(fileName, parsed.error);
      return;
    }
    var data = parsed.data;
    if (data.edition !== sc.edition.id) {
      var link = document.querySelector('[data-wwc-edition-link="' + data.edition + '"]');
      this.showNotice(format(this.texts.imported_other_edition,
        { file: fileName, edition: sc.data.editions[data.edition] }),
      null, link ? { text: sc.data.editions[data.edition], href: link.getAttribute("href") } : null);
      return;
    }
    var matched = exportFile.matchAnswers(sc.edition, data.answers);
    var evidence = exportFile.matchEvidence(sc.edition, data.evidence || {});
    var identity = {};
    ["name", "city", "date"].forEach(function (key) {
      if (data.assessment && typeof data.assessment[key] === "string") {
        identity[key] = data.assessment[key].slice(0, sc.limits[key] || 200);
      }
    });
    this.reportImport(fileName, matched, evidence.dropped);
    if (sc.multi) {
      // Several assessments: nothing is replaced without asking (save as new, compare, merge or replace).
      sc.multi.offerImport({ name: identity.name || fileName, edition: data.edition, city: identity.city || "",
        date: identity.date || "", answers: matched.answers, evidence: evidence.evidence, carries: { ticks: true, notes: true } });
      return;
    }
    this.replaceWork(matched.answers, evidence.evidence, identity);
  }

  /* The export settings, with ids of this page's edition as the examples refusals give. */
  exportSettings() {
    var edition = this.sc.edition;
    var first = edition.groups[0].criteria[0];
    var items = (first.requirements || []).concat(first.documentation || []);
    return Object.assign({ examples: { criterion: first.id, state: edition.answer_states[0].id, edition: edition.id, item: items[0] } },
      this.sc.data.export);
  }

  reportImport(fileName, matched, dropped) {
    var texts = this.texts;
    var message = format(texts.imported, { count: Object.keys(matched.answers).length, file: fileName });
    if (dropped) {
      message += " " + format(texts.imported_evidence_dropped, { count: dropped, item: this.sc.edition.item_label });
    }
    if (!matched.unmatched.length) {
      this.showNotice(message);
      return;
    }
    this.showNotice(
      message + " " + format(texts.imported_unmatched, { count: matched.unmatched.length, item: this.sc.edition.item_label }),
      this.describeUnmatched(matched.unmatched)
    );
  }

  refuseImport(fileName, error) {
    var reason = format(this.texts[ERROR_TEXTS[error.code]] || error.code, error.details || {});
    this.showAlert(format(this.texts.import_refused, { file: fileName, reason: reason }));
  }

  describeUnmatched(unmatched) {
    var texts = this.texts;
    var item = this.sc.edition.item_label;
    return unmatched.map(function (entry) {
      var template = entry.reason === "unknown-id" ? texts.unmatched_unknown_id : texts.unmatched_unknown_state;
      return format(template, { id: entry.id, state: entry.state, item: item });
    });
  }
}

/* ---- the view of the state ---- */

/* ---- messages ---- */

/* ---- start over and undo ---- */

/* ---- export and import: wwc-sc-transfer.js, loaded on first use with the file's checks ---- */


var ERROR_TEXTS = {
  "too-large": "error_too_large",
  "not-json": "error_not_json",
  "foreign": "error_foreign",
  "newer-version": "error_newer_version",
  "unsupported-version": "error_unsupported_version",
  "invalid": "error_invalid",
  "unknown-edition": "error_unknown_edition",
  "read-failed": "error_read_failed"
};

/* ---- export ---- */

/* ---- import ---- */
