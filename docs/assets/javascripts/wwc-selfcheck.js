/*
 * The self-check page's view. The form is already on the page (rendered from the YAML at build
 * time); this script reads the JSON embedded beside it, scores the answers on every change
 * (WWCScoring), keeps them in this browser (WWCStorage) and exports and imports them
 * (WWCExport). It makes no network request of any kind.
 *
 * init() is idempotent and runs on DOMContentLoaded and on Material's document$ (which fires
 * after instant navigation but never on file://).
 */
(function () {
  "use strict";

  var RECORD_VERSION = 1;

  /* ---- small helpers ------------------------------------------------------------------ */

  function format(template, values) {
    return String(template).replace(/\{(\w+)\}/g, function (match, key) {
      return Object.prototype.hasOwnProperty.call(values, key) ? String(values[key]) : match;
    });
  }

  function element(tag, className, textContent) {
    var node = document.createElement(tag);
    if (className) {
      node.className = className;
    }
    if (textContent !== undefined) {
      node.textContent = textContent;
    }
    return node;
  }

  function byId(id) {
    return document.getElementById(id);
  }

  function hasOwn(object, key) {
    return Object.prototype.hasOwnProperty.call(object, key);
  }

  function countAnswers(answers) {
    return Object.keys(answers || {}).length;
  }

  function copyAnswers(answers) {
    var copy = {};
    Object.keys(answers || {}).forEach(function (id) { copy[id] = answers[id]; });
    return copy;
  }

  /* "criterion" or "criteria" as the edition calls them. */
  function items(edition, count) {
    return count === 1 ? edition.item_label : edition.item_label_plural;
  }

  function tierName(edition, tierId) {
    for (var i = 0; i < edition.tiers.length; i += 1) {
      if (edition.tiers[i].id === tierId) {
        return edition.tiers[i].name;
      }
    }
    return edition.not_certified_label;
  }

  /* ---- the self-check ------------------------------------------------------------------ */

  function SelfCheck(root, data) {
    this.root = root;
    this.data = data;
    this.texts = data.texts;
    this.editions = {};
    data.editions.forEach(function (edition) { this.editions[edition.id] = edition; }, this);
    this.state = { edition: data.editions[0].id, answers: {} };
    data.editions.forEach(function (edition) { this.state.answers[edition.id] = {}; }, this);
    this.undo = null;
    // Saved data goes through the model of several assessments (wwc-sc-multi.js, wwc-assessments.js).
    var self = this;
    this.multi = window.WWCSelfCheckParts.multi.create({
      root: root, data: data,
      editionId: function () { return self.state.edition; },
      reload: function () { self.reloadFromModel(); },
      switchEdition: function (editionId) { self.switchEdition(editionId); }
    });
    this.model = this.multi.model;
  }

  SelfCheck.prototype.edition = function () {
    return this.editions[this.state.edition];
  };

  SelfCheck.prototype.answers = function () {
    return this.state.answers[this.state.edition];
  };

  SelfCheck.prototype.start = function () {
    var restored = this.restore();
    this.reveal();
    this.showStorageState(restored);
    this.bind();
    this.showEdition();
    this.fillForms();
    this.render();
    this.multi.attach();
  };

  /* Parts that only make sense with this script are hidden in the HTML until now. */
  SelfCheck.prototype.reveal = function () {
    ["wwc-sc-editions", "wwc-sc-results", "wwc-sc-tools", "wwc-sc-status"].forEach(function (id) {
      byId(id).hidden = false;
    });
    byId("wwc-sc-noscript").hidden = true;
    if (this.data.editions.length < 2) {
      byId("wwc-sc-editions").hidden = true;
    }
  };

  /* ---- saving -------------------------------------------------------------------------- */

  /* The open assessment's answers (the model keeps what the guide does not know, and reports it). */
  SelfCheck.prototype.restore = function () {
    this.state.answers[this.state.edition] = copyAnswers(this.model.current().answers);
    return { reason: "loaded", unmatched: [] };
  };

  SelfCheck.prototype.reloadFromModel = function () {
    this.state.answers[this.state.edition] = copyAnswers(this.model.current().answers);
    this.fillForms();
    this.render();
  };

  /* A change to the latest stored copy (never a whole-record overwrite from this tab's state). */
  SelfCheck.prototype.changeAnswers = function (fn) {
    var result = this.model.change(fn);
    this.state.answers[this.state.edition] = copyAnswers(this.model.current().answers);
    this.multi.changed(result);
    return result;
  };

  /* Start over, undo and import replace the whole answer set on purpose. */
  SelfCheck.prototype.save = function () {
    var answers = copyAnswers(this.answers());
    return this.changeAnswers(function (assessment) { assessment.answers = answers; });
  };

  SelfCheck.prototype.setStorageMessage = function (message, warning) {
    var note = byId("wwc-sc-storage");
    note.textContent = message;
    note.classList.toggle("wwc-sc-warning", Boolean(warning));
  };

  /* Faults (unreadable, newer, kept aside, failed saves) are told by the storage banner part. */
  SelfCheck.prototype.showStorageState = function () {
    if (!this.model.status().available) {
      this.setStorageMessage(this.texts.storage_unavailable, true);
      return;
    }
    this.setStorageMessage(this.texts.saved_here, false);
  };

  /* ---- events -------------------------------------------------------------------------- */

  SelfCheck.prototype.bind = function () {
    var self = this;
    this.root.addEventListener("change", function (event) {
      var target = event.target;
      if (target.name === "wwc-sc-edition") {
        self.switchEdition(target.value);
      } else if (target.type === "radio" && target.form && target.form.hasAttribute("data-wwc-edition")) {
        self.answer(target.form.getAttribute("data-wwc-edition"), target);
      } else if (target.id === "wwc-sc-import-file") {
        self.importFile(target);
      }
    });
    // The forms have no action: Enter must never reload the page and lose the state.
    this.root.addEventListener("submit", function (event) { event.preventDefault(); });
    byId("wwc-sc-export").addEventListener("click", function () { self.exportAnswers(); });
    byId("wwc-sc-start-over").addEventListener("click", function () { self.askStartOver(); });
    byId("wwc-sc-undo").addEventListener("click", function () { self.undoLast(); });
    byId("wwc-sc-print").addEventListener("click", function () { window.print(); });
    byId("wwc-sc-confirm-yes").addEventListener("click", function () { self.closeConfirm(true); });
    byId("wwc-sc-confirm-no").addEventListener("click", function () { self.closeConfirm(false); });
    byId("wwc-sc-confirm").addEventListener("cancel", function (event) {
      event.preventDefault();
      self.closeConfirm(false);
    });
  };

  SelfCheck.prototype.answer = function (editionId, input) {
    var fieldset = input.closest("[data-wwc-criterion]");
    if (!fieldset || !hasOwn(this.editions, editionId)) {
      return;
    }
    var criterion = fieldset.getAttribute("data-wwc-criterion");
    var value = input.value;
    this.forgetUndo();
    this.changeAnswers(function (assessment) { assessment.answers[criterion] = value; });
    this.fillForms();
    this.render();
  };

  SelfCheck.prototype.switchEdition = function (editionId) {
    if (!hasOwn(this.editions, editionId)) {
      return;
    }
    this.state.edition = editionId;
    this.model.setEdition(editionId);
    this.state.answers[editionId] = copyAnswers(this.model.current().answers);
    this.showEdition();
    this.fillForms();
    this.render();
    this.multi.refreshParts();
  };

  /* ---- the form ------------------------------------------------------------------------ */

  SelfCheck.prototype.form = function (editionId) {
    return byId("wwc-sc-form-" + editionId);
  };

  SelfCheck.prototype.showEdition = function () {
    var current = this.state.edition;
    Object.keys(this.editions).forEach(function (editionId) {
      this.form(editionId).hidden = editionId !== current;
    }, this);
    var choice = byId("wwc-sc-edition-" + current);
    if (choice) {
      choice.checked = true;
    }
  };

  /* Make the radios show the state: checked where answered, all clear where not. */
  SelfCheck.prototype.fillForms = function () {
    Object.keys(this.editions).forEach(function (editionId) {
      var answers = this.state.answers[editionId];
      var inputs = this.form(editionId).querySelectorAll("input[type=radio]");
      Array.prototype.forEach.call(inputs, function (input) {
        var criterion = input.closest("[data-wwc-criterion]").getAttribute("data-wwc-criterion");
        input.checked = answers[criterion] === input.value;
      });
    }, this);
  };

  /* ---- results ------------------------------------------------------------------------- */

  SelfCheck.prototype.render = function () {
    var edition = this.edition();
    var result = window.WWCScoring.score(edition, this.answers());
    this.lastResult = result;
    var body = byId("wwc-sc-result-body");
    body.replaceChildren(
      this.renderFigures(edition, result),
      this.renderOverallBar(edition, result),
      this.renderGroupBars(edition, result)
    );
    this.renderGroupScores(edition, result);
    byId("wwc-sc-status").textContent = this.summary(edition, result);
  };

  SelfCheck.prototype.summary = function (edition, result) {
    return format(this.texts.summary, {
      met: result.met,
      total: result.total,
      items: items(edition, result.total),
      percent: result.percent,
      tier: tierName(edition, result.tier)
    }) + " " + this.unansweredText(edition, result);
  };

  SelfCheck.prototype.unansweredText = function (edition, result) {
    if (result.unanswered === 0) {
      return format(this.texts.unanswered_none, { items: edition.item_label_plural });
    }
    return format(this.texts.unanswered_some, {
      count: result.unanswered, total: result.total, items: items(edition, result.total)
    });
  };

  SelfCheck.prototype.nextTierText = function (edition, result) {
    if (!result.next_tier) {
      return this.texts.top_tier;
    }
    return format(this.texts.next_tier, {
      more: result.next_tier.more_needed,
      items: items(edition, result.next_tier.more_needed),
      tier: tierName(edition, result.next_tier.id)
    });
  };

  SelfCheck.prototype.renderFigures = function (edition, result) {
    var wrapper = element("div", "wwc-sc-figures");
    var tier = element("p", "wwc-sc-tier" + (result.tier ? "" : " wwc-sc-tier-none"), tierName(edition, result.tier));
    tier.setAttribute("data-wwc-tier", result.tier || "");
    var met = element("p", "wwc-sc-met");
    var count = { met: result.met, total: result.total, items: items(edition, result.total) };
    met.appendChild(element("strong", "wwc-sc-met-count", format(this.texts.met_count, count)));
    met.appendChild(document.createTextNode(" "));
    met.appendChild(element("span", "wwc-sc-percent", "(" + result.percent + "%)"));
    wrapper.append(tier, met,
      element("p", "wwc-sc-unanswered", this.unansweredText(edition, result)),
      element("p", "wwc-sc-next", this.nextTierText(edition, result)));
    return wrapper;
  };

  /* A bar of the overall share with a tick at each tier's threshold, drawn for the eye only:
     every figure it shows is also in the text around it. */
  SelfCheck.prototype.renderOverallBar = function (edition, result) {
    var wrapper = element("div", "wwc-sc-overall");
    var bar = element("div", "wwc-sc-bar wwc-sc-bar-overall");
    bar.setAttribute("aria-hidden", "true");
    var fill = element("span", "wwc-sc-bar-fill");
    fill.style.width = (100 * result.met / Math.max(result.total, 1)) + "%";
    bar.appendChild(fill);
    var marks = edition.tiers.map(function (tier) {
      var tick = element("span", "wwc-sc-bar-tick");
      tick.style.left = tier.min_percent + "%";
      tick.setAttribute("title", tier.name);
      bar.appendChild(tick);
      return tier.name + " " + tier.min_percent + "%";
    });
    wrapper.append(bar, element("p", "wwc-sc-caption", format(this.texts.tier_marks, { marks: marks.join(", ") })));
    return wrapper;
  };

  SelfCheck.prototype.renderGroupBars = function (edition, result) {
    var texts = this.texts;
    var hasAverage = result.groups.some(function (group) { return group.average_percent !== null; });
    var wrapper = element("div", "wwc-sc-groups");
    var list = element("ul", "wwc-sc-group-bars");
    result.groups.forEach(function (group, index) {
      list.appendChild(this.renderGroupBar(edition.groups[index], group));
    }, this);
    var caption = hasAverage ? texts.bars_caption : texts.bars_caption_no_average;
    wrapper.append(list, element("p", "wwc-sc-caption", format(caption, { group: edition.group_label.toLowerCase() })));
    return wrapper;
  };

  SelfCheck.prototype.renderGroupBar = function (groupData, group) {
    var item = element("li", "wwc-sc-group-bar");
    item.setAttribute("data-wwc-group", group.id);
    var label = element("span", "wwc-sc-group-name", groupData.name);
    var figure = element("span", "wwc-sc-group-figure",
      format(this.texts.group_figure, { percent: group.percent, met: group.met, total: group.total }));
    figure.setAttribute("data-wwc-percent", group.percent);
    var bar = element("span", "wwc-sc-bar");
    bar.setAttribute("aria-hidden", "true");
    var fill = element("span", "wwc-sc-bar-fill");
    fill.style.width = (100 * group.met / Math.max(group.total, 1)) + "%";
    bar.appendChild(fill);
    item.append(label, figure);
    if (group.average_percent !== null) {
      var marker = element("span", "wwc-sc-bar-average");
      marker.style.left = group.average_percent + "%";
      bar.appendChild(marker);
      item.appendChild(element("span", "wwc-sc-group-average",
        format(this.texts.group_average, { average: group.average_percent })));
    }
    item.appendChild(bar);
    return item;
  };

  /* "3 of 5" beside each group heading, so progress shows where the answering happens. */
  SelfCheck.prototype.renderGroupScores = function (edition, result) {
    var form = this.form(edition.id);
    result.groups.forEach(function (group) {
      var slot = form.querySelector('[data-wwc-group-score="' + group.id + '"]');
      if (slot) {
        slot.textContent = format(this.texts.group_figure, { percent: group.percent, met: group.met, total: group.total });
      }
    }, this);
  };

  /* ---- messages ------------------------------------------------------------------------ */

  SelfCheck.prototype.clearMessages = function () {
    byId("wwc-sc-alert").replaceChildren();
    byId("wwc-sc-notice").replaceChildren();
  };

  SelfCheck.prototype.showAlert = function (message) {
    this.clearMessages();
    byId("wwc-sc-alert").appendChild(element("p", null, message));
  };

  SelfCheck.prototype.showNotice = function (message, listItems) {
    this.clearMessages();
    var notice = byId("wwc-sc-notice");
    notice.appendChild(element("p", null, message));
    if (listItems && listItems.length) {
      var list = element("ul", "wwc-sc-unmatched");
      listItems.forEach(function (line) { list.appendChild(element("li", null, line)); });
      notice.appendChild(list);
    }
  };

  SelfCheck.prototype.describeUnmatched = function (unmatched) {
    var texts = this.texts;
    var editions = this.editions;
    var current = this.edition();
    return unmatched.map(function (entry) {
      var edition = editions[entry.edition] || current;
      var template = entry.reason === "unknown-id" ? texts.unmatched_unknown_id : texts.unmatched_unknown_state;
      return format(template, { id: entry.id, state: entry.state, item: edition.item_label });
    });
  };

  /* ---- start over and undo ------------------------------------------------------------- */

  SelfCheck.prototype.askStartOver = function () {
    var count = countAnswers(this.answers());
    if (!count) {
      this.showNotice(this.texts.nothing_to_clear);
      return;
    }
    var question = format(this.texts.confirm_start_over, { count: count, edition: this.edition().short_title });
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

  SelfCheck.prototype.closeConfirm = function (confirmed) {
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

  /* Replace the current edition's answers, keeping the old ones for one undo. */
  SelfCheck.prototype.replaceAnswers = function (editionId, answers) {
    this.undo = { edition: editionId, answers: copyAnswers(this.state.answers[editionId]) };
    this.state.answers[editionId] = answers;
    byId("wwc-sc-undo").hidden = false;
  };

  SelfCheck.prototype.startOver = function () {
    this.replaceAnswers(this.state.edition, {});
    this.save();
    this.fillForms();
    this.render();
    this.showNotice(this.texts.cleared);
    byId("wwc-sc-undo").focus();
  };

  SelfCheck.prototype.forgetUndo = function () {
    this.undo = null;
    byId("wwc-sc-undo").hidden = true;
  };

  SelfCheck.prototype.undoLast = function () {
    if (!this.undo) {
      return;
    }
    this.state.answers[this.undo.edition] = this.undo.answers;
    this.state.edition = this.undo.edition;
    this.forgetUndo();
    this.save();
    this.showEdition();
    this.fillForms();
    this.render();
    this.showNotice(this.texts.restored);
    byId("wwc-sc-start-over").focus();
  };

  /* ---- export -------------------------------------------------------------------------- */

  SelfCheck.prototype.exportAnswers = function () {
    var settings = this.data.export;
    var now = new Date();
    var file = window.WWCExport.buildExport(settings, this.state.edition, this.answers(), this.lastResult, now);
    var name = window.WWCExport.exportFileName(settings.file_prefix, this.state.edition, now);
    var blob = new Blob([JSON.stringify(file, null, 2) + "\n"], { type: "application/json" });
    var url = URL.createObjectURL(blob);
    var link = element("a");
    link.href = url;
    link.download = name;
    link.hidden = true;
    this.root.appendChild(link);
    link.click();
    link.remove();
    // Revoking at once can cancel the download in some browsers; the URL is local anyway.
    window.setTimeout(function () { URL.revokeObjectURL(url); }, 10000);
    this.showNotice(format(this.texts.exported, { file: name }));
  };

  /* ---- import -------------------------------------------------------------------------- */

  SelfCheck.prototype.importFile = function (input) {
    var file = input.files && input.files[0];
    // Clear the input so choosing the same file again still fires "change".
    input.value = "";
    if (!file) {
      return;
    }
    var settings = this.data.export;
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

  SelfCheck.prototype.importText = function (fileName, text, size) {
    var parsed = window.WWCExport.parseExport(text, size, this.data.export, Object.keys(this.editions));
    if (!parsed.ok) {
      this.refuseImport(fileName, parsed.error);
      return;
    }
    var editionId = parsed.data.edition;
    var edition = this.editions[editionId];
    var matched = window.WWCExport.matchAnswers(edition, parsed.data.answers);
    if (editionId !== this.state.edition) {
      this.switchEdition(editionId);
    }
    // Nothing is replaced without asking: the file is offered to save as new, compare or merge.
    this.reportImport(fileName, edition, matched);
    this.multi.offerImport({ name: fileName, edition: editionId, city: "", date: "", answers: matched.answers,
      evidence: {}, carries: { ticks: false, notes: false } });
  };

  SelfCheck.prototype.reportImport = function (fileName, edition, matched) {
    var message = format(this.texts.imported, { count: countAnswers(matched.answers), file: fileName });
    if (!matched.unmatched.length) {
      this.showNotice(message);
      return;
    }
    matched.unmatched.forEach(function (entry) { entry.edition = edition.id; });
    this.showNotice(
      message + " " + format(this.texts.imported_unmatched, { count: matched.unmatched.length, item: edition.item_label }),
      this.describeUnmatched(matched.unmatched)
    );
  };

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

  SelfCheck.prototype.refuseImport = function (fileName, error) {
    var reason = format(this.texts[ERROR_TEXTS[error.code]] || error.code, error.details || {});
    this.showAlert(format(this.texts.import_refused, { file: fileName, reason: reason }));
  };

  /* ---- start-up ------------------------------------------------------------------------ */

  function readPayload() {
    var script = byId("wwc-selfcheck-data");
    try {
      return script ? JSON.parse(script.textContent) : null;
    } catch (error) {
      return null;
    }
  }

  function init() {
    var root = byId("wwc-selfcheck");
    if (!root || root.getAttribute("data-wwc-ready") === "true") {
      return;
    }
    var data = readPayload();
    if (!data || !window.WWCScoring || !window.WWCStorage || !window.WWCExport) {
      return;
    }
    root.setAttribute("data-wwc-ready", "true");
    new SelfCheck(root, data).start();
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
  if (window.document$ && typeof window.document$.subscribe === "function") {
    window.document$.subscribe(init);
  }
})();
