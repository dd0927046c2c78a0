/*
 * Save, share and print (#wwc-sc-tools): the open assessment's name, city and report date (the
 * page's only fields for them: the report and the CSV read them), export, import, start over with
 * one undo, print and the messages. Whether saving works is the storage banner's to say. Export and import
 * are wwc-sc-transfer.js, loaded on first use.
 */
(function () {
  "use strict";

  var parts = window.WWCSelfCheckParts = window.WWCSelfCheckParts || {};
  var util = parts.util;
  var IDENTITY = { city: "wwc-sc-city", date: "wwc-sc-date", name: "wwc-sc-name" };

  function byId(id) {
    return document.getElementById(id);
  }

  function Tools(root, sc) {
    this.root = root;
    this.sc = sc;
    this.texts = sc.texts;
    this.undo = null;
    this.bind();
  }

  Tools.prototype.bind = function () {
    var self = this;
    // Export and import read and check files with WWCExport, loaded on first use.
    byId("wwc-sc-export").addEventListener("click", function () {
      self.sc.need(["export"]).then(function () { self.exportAnswers(); }, function () {});
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
  };

  /* ---- the view of the state ---- */

  Tools.prototype.update = function (view) {
    Object.keys(IDENTITY).forEach(function (key) {
      var input = byId(IDENTITY[key]);
      var value = typeof view.assessment[key] === "string" ? view.assessment[key] : "";
      if (input.value !== value && document.activeElement !== input) {
        input.value = value;
      }
    });
  };

  /* ---- messages ---- */

  Tools.prototype.clearMessages = function () {
    byId("wwc-sc-alert").replaceChildren();
    byId("wwc-sc-notice").replaceChildren();
  };

  Tools.prototype.showAlert = function (message) {
    this.clearMessages();
    byId("wwc-sc-alert").appendChild(util.element("p", null, message));
  };

  /* message: text; listItems: texts; link: { text, href } shown after the message. */
  Tools.prototype.showNotice = function (message, listItems, link) {
    this.clearMessages();
    var notice = byId("wwc-sc-notice");
    var paragraph = util.element("p", null, message);
    if (link) {
      var anchor = util.element("a", null, link.text);
      anchor.setAttribute("href", link.href);
      paragraph.append(" ", anchor);
    }
    notice.appendChild(paragraph);
    if (listItems && listItems.length) {
      var list = util.element("ul", "wwc-sc-unmatched");
      listItems.forEach(function (line) { list.appendChild(util.element("li", null, line)); });
      notice.appendChild(list);
    }
  };

  /* ---- start over and undo ---- */

  Tools.prototype.askStartOver = function () {
    var count = Object.keys(this.sc.model.current().answers).length;
    if (!count) {
      this.showNotice(this.texts.nothing_to_clear);
      return;
    }
    var question = util.format(this.texts.confirm_start_over, { count: count, edition: this.sc.edition.short_title });
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
  };

  Tools.prototype.closeConfirm = function (confirmed) {
    var dialog = byId("wwc-sc-confirm");
    if (dialog.open) {
      dialog.close();
    }
    if (confirmed) {
      this.startOver();
    } else {
      byId("wwc-sc-start-over").focus();
    }
  };

  /* Replace answers and evidence (and, from an imported file, name, city and date), keeping
     the old ones for one undo. */
  Tools.prototype.replaceWork = function (answers, evidence, identity) {
    var current = this.sc.model.current();
    this.undo = JSON.parse(JSON.stringify({ answers: current.answers, evidence: current.evidence }));
    this.sc.change(null, function (assessment) {
      assessment.answers = answers;
      assessment.evidence = evidence;
      Object.keys(identity || {}).forEach(function (key) { assessment[key] = identity[key]; });
    }, { keepUndo: true });
    byId("wwc-sc-undo").hidden = false;
  };

  Tools.prototype.startOver = function () {
    this.replaceWork({}, {});
    this.showNotice(this.texts.cleared);
    byId("wwc-sc-undo").focus();
  };

  Tools.prototype.forgetUndo = function () {
    if (this.undo) {
      this.undo = null;
      byId("wwc-sc-undo").hidden = true;
    }
  };

  Tools.prototype.undoLast = function () {
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
  };

  /* ---- export and import: wwc-sc-transfer.js, loaded on first use with the file's checks ---- */

  Tools.prototype.importFile = function (input) {
    var file = input.files && input.files[0];
    // Clear the input so choosing the same file again still fires "change".
    input.value = "";
    if (!file) {
      return;
    }
    var self = this;
    // The file's check (export) and what an import offers (share: save as new, compare, merge).
    this.sc.need(["export", "share"]).then(function () { self.readFile(file); }, function () {});
  };

  parts.tools = {
    create: function (root, sc) { return new Tools(root, sc); },
    // For export and import (wwc-sc-transfer.js, loaded on first use).
    prototype: Tools.prototype
  };
})();
