/*
 * Export and import of a file, for the tools part (wwc-sc-tools.js): loaded on first use with
 * the file's checks (wwc-export.js), so a first visit does not carry them. Imports are checked by
 * WWCExport; a refused file leaves every answer as it was. User text goes in as text only.
 */
(function () {
  "use strict";

  var parts = window.WWCSelfCheckParts;
  var util = parts.util;
  var proto = parts.tools.prototype;

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

  proto.exportAnswers = function () {
    var settings = this.sc.data.export;
    var now = new Date();
    var assessment = this.sc.model.current();
    var file = window.WWCExport.buildExport(settings, assessment, this.sc.view().result, now);
    var name = window.WWCExport.exportFileName(settings.file_prefix, assessment.edition, now);
    util.download(name, "application/json", JSON.stringify(file, null, 2) + "\n");
    this.showNotice(util.format(this.texts.exported, { file: name }));
  };

  /* ---- import ---- */

  proto.readFile = function (file) {
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
  };

  proto.importText = function (fileName, text, size) {
    var sc = this.sc;
    var parsed = window.WWCExport.parseExport(text, size, this.exportSettings(), Object.keys(sc.data.editions));
    if (!parsed.ok) {
      this.refuseImport(fileName, parsed.error);
      return;
    }
    var data = parsed.data;
    if (data.edition !== sc.edition.id) {
      var link = document.querySelector('[data-wwc-edition-link="' + data.edition + '"]');
      this.showNotice(util.format(this.texts.imported_other_edition,
        { file: fileName, edition: sc.data.editions[data.edition] }),
      null, link ? { text: sc.data.editions[data.edition], href: link.getAttribute("href") } : null);
      return;
    }
    var matched = window.WWCExport.matchAnswers(sc.edition, data.answers);
    var evidence = window.WWCExport.matchEvidence(sc.edition, data.evidence || {});
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
  };

  /* The export settings, with ids of this page's edition as the examples refusals give. */
  proto.exportSettings = function () {
    var edition = this.sc.edition;
    var first = edition.groups[0].criteria[0];
    var items = (first.requirements || []).concat(first.documentation || []);
    return Object.assign({ examples: { criterion: first.id, state: edition.answer_states[0].id, edition: edition.id, item: items[0] } },
      this.sc.data.export);
  };

  proto.reportImport = function (fileName, matched, dropped) {
    var texts = this.texts;
    var message = util.format(texts.imported, { count: Object.keys(matched.answers).length, file: fileName });
    if (dropped) {
      message += " " + util.format(texts.imported_evidence_dropped, { count: dropped, item: this.sc.edition.item_label });
    }
    if (!matched.unmatched.length) {
      this.showNotice(message);
      return;
    }
    this.showNotice(
      message + " " + util.format(texts.imported_unmatched, { count: matched.unmatched.length, item: this.sc.edition.item_label }),
      this.describeUnmatched(matched.unmatched)
    );
  };

  proto.refuseImport = function (fileName, error) {
    var reason = util.format(this.texts[ERROR_TEXTS[error.code]] || error.code, error.details || {});
    this.showAlert(util.format(this.texts.import_refused, { file: fileName, reason: reason }));
  };

  proto.describeUnmatched = function (unmatched) {
    var texts = this.texts;
    var item = this.sc.edition.item_label;
    return unmatched.map(function (entry) {
      var template = entry.reason === "unknown-id" ? texts.unmatched_unknown_id : texts.unmatched_unknown_state;
      return util.format(template, { id: entry.id, state: entry.state, item: item });
    });
  };

})();
