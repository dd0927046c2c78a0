/*
 * Export and import of a file, for the tools part (#wwc-sc-tools): the export file is built and
 * imports are checked by lib/export.js; a refused file leaves every answer as it was, and an
 * accepted one is offered (save as new, compare, merge or replace), never applied unasked.
 * Messages go through the tools part's alert and notice. User text goes in as text only.
 */

import { exportFile } from "../lib/index.js";
import { format, formatCount } from "../lib/format.js";
import { localDay, questionableDates } from "../lib/plan-dates.js";
import { download } from "../view/dom.js";

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

export class Transfer {
  /**
   * @param {any} tools the tools part: showNotice, showAlert, replaceWork
   * @param {any} sc the controller (app.js)
   */
  constructor(tools, sc) {
    this.tools = tools;
    this.sc = sc;
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
    const name = `${exportFile.baseName(settings.file_prefix, assessment, now)}.json`;
    download(name, "application/json", `${JSON.stringify(file, null, 2)}\n`);
    this.tools.showNotice(format(this.sc.texts.exported, { file: name }));
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
      const link = this.sc.root.querySelector(`[data-wwc-edition-link="${CSS.escape(data.edition)}"]`);
      this.tools.showNotice(
        format(this.sc.texts.imported_other_edition, { file: fileName, edition: sc.data.editions[data.edition] }),
        null,
        link ? { text: sc.data.editions[data.edition], href: link.getAttribute("href") } : null,
      );
      return;
    }
    const matched = exportFile.matchAnswers(sc.edition, data.answers);
    const evidence = exportFile.matchEvidence(sc.edition, data.evidence || {});
    const identity = {};
    ["name", "city", "date", "application", "administration"].forEach((key) => {
      if (data.assessment && typeof data.assessment[key] === "string") {
        identity[key] = data.assessment[key].slice(0, sc.limits[key] || 200);
      }
    });
    this.reportImport(fileName, matched, evidence.dropped, this.questionable(evidence.evidence, identity));
    if (sc.multi) {
      // Several assessments: nothing is replaced without asking (save as new, compare, merge or replace).
      sc.multi.offerImport({
        name: identity.name || fileName,
        edition: data.edition,
        city: identity.city || "",
        date: identity.date || "",
        application: identity.application || "",
        administration: identity.administration || "",
        answers: matched.answers,
        evidence: evidence.evidence,
        history: exportFile.importedHistory(data),
        carries: { ticks: true, notes: true },
      });
      return;
    }
    this.tools.replaceWork(matched.answers, evidence.evidence, identity);
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

  /* Dates of evidence a date field would refuse today: kept, and named in the import's notice. */
  questionable(evidence, identity) {
    const found = questionableDates(this.sc.edition, evidence, localDay(this.sc.now()), identity.administration);
    return found.map((entry) => `${entry.criterion} ${entry.item}: ${entry.date}`);
  }

  reportImport(fileName, matched, dropped, questionable) {
    const texts = this.sc.texts;
    const count = Object.keys(matched.answers).length;
    let message = formatCount(texts.imported, count, { count: count, file: fileName });
    if (dropped) {
      message += ` ${formatCount(texts.imported_evidence_dropped, dropped, { count: dropped, item: this.sc.edition.item_label })}`;
    }
    if (questionable?.length) {
      message += ` ${format(texts.imported_dates_questionable, { dates: questionable.join("; ") })}`;
    }
    if (!matched.unmatched.length) {
      this.tools.showNotice(message);
      return;
    }
    this.tools.showNotice(
      message +
        " " +
        formatCount(texts.imported_unmatched, matched.unmatched.length, {
          count: matched.unmatched.length,
          item: this.sc.edition.item_label,
        }),
      this.describeUnmatched(matched.unmatched),
    );
  }

  refuseImport(fileName, error) {
    const reason = format(this.sc.texts[ERROR_TEXTS[error.code]] || error.code, error.details || {});
    this.tools.showAlert(format(this.sc.texts.import_refused, { file: fileName, reason: reason }));
  }

  describeUnmatched(unmatched) {
    const texts = this.sc.texts;
    const item = this.sc.edition.item_label;
    return unmatched.map((entry) => {
      const template = entry.reason === "unknown-id" ? texts.unmatched_unknown_id : texts.unmatched_unknown_state;
      return format(template, { id: entry.id, state: entry.state, item: item });
    });
  }
}
