/*
 * The assessments manager's actions (wwc-sc-assessments.js): new, open, duplicate, delete with
 * undo, and the CSV of the open assessment. Loaded on the first action, so a first visit does not
 * carry them. They talk only to the model (wwc-assessments.js); user text goes in as text only.
 */
(function () {
  "use strict";

  var parts = window.WWCSelfCheckParts;
  var format = parts.util.format;
  var proto = parts.assessments.prototype;

  proto.after = function (result, message) {
    this.ctx.changed(result);
    this.ctx.reload();
    this.render();
    if (message) {
      this.say(message);
    }
  };

  proto.createNew = function () {
    var name = this.newName.input.value.trim() || this.texts.new_name;
    var result = this.ctx.model.create({ name: name });
    this.newName.input.value = "";
    this.after(result, format(this.texts.created, { name: name }));
    // Its name, city and date are edited in the tools section, the page's one place for them.
    document.getElementById("wwc-sc-name").focus();
  };

  proto.open = function (assessment) {
    var result = this.ctx.model.openAssessment(assessment.id);
    if (result.navigate) {
      this.ctx.goToEdition(result.navigate);
      return;
    }
    this.after(result);
  };

  proto.duplicate = function (assessment) {
    var name = format(this.texts.copy_name, { name: assessment.name || this.texts.new_name });
    this.after(this.ctx.model.duplicate(assessment.id, name), format(this.texts.duplicated, { name: name }));
  };

  proto.remove = function (assessment) {
    var result = this.ctx.model.remove(assessment.id);
    this.deleted = assessment;
    this.undo.textContent = format(this.texts.undo_delete, { name: assessment.name || this.texts.new_name });
    this.undo.hidden = false;
    this.after(result, format(this.texts.deleted, { name: assessment.name || this.texts.new_name }));
    this.undo.focus();
  };

  proto.undoDelete = function () {
    if (!this.deleted) {
      return;
    }
    var name = this.deleted.name || this.texts.new_name;
    var result = this.ctx.model.undoRemove(this.deleted.id);
    this.deleted = null;
    this.undo.hidden = true;
    this.after(result, format(this.texts.restored_deleted, { name: name }));
  };

  proto.downloadCsv = function () {
    var current = this.ctx.model.current();
    var settings = this.ctx.settings.csv;
    var text = window.WWCCsv.assessmentCsv(this.ctx.csvEdition(), current, settings.headings);
    var name = window.WWCCsv.fileName(settings.file_prefix, current.edition, current.name);
    this.ctx.download(name, "text/csv;charset=utf-8", text);
    this.say(format(this.texts.csv_done, { file: name }));
  };

})();
