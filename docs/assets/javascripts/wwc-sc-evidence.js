/*
 * Evidence per criterion, inside each criterion's "Evidence" panel of the form: the ticks (a
 * checkbox per requirement and document, its value the YAML id), the must-meet status, and notes,
 * owner, due date and links to the city's own documents. The page holds each panel closed and
 * empty: everything in it is built the first time it opens, by wwc-sc-evidence-panel.js from the
 * checklist script, both loaded on first use (sc.need), so a first visit carries neither the 45 or
 * 450 checklists nor the code that builds them. Focus stays on the panel's summary while it is
 * built. This part saves the ticks and fields and shows each panel's state. Every text goes in
 * through textContent or value.
 */
(function () {
  "use strict";

  var parts = window.WWCSelfCheckParts = window.WWCSelfCheckParts || {};
  var util = parts.util;
  var SAVE_DELAY = 400;

  function emptyEntry() {
    return { items: [], notes: "", owner: "", due: "", links: [] };
  }

  /* The evidence entry of `id` in an assessment, created when missing (inside model.change only). */
  function entryOf(assessment, id) {
    var entry = assessment.evidence[id];
    if (!entry || typeof entry !== "object") {
      entry = assessment.evidence[id] = emptyEntry();
    }
    ["notes", "owner", "due"].forEach(function (key) {
      if (typeof entry[key] !== "string") {
        entry[key] = "";
      }
    });
    if (!Array.isArray(entry.items)) {
      entry.items = [];
    }
    if (!Array.isArray(entry.links)) {
      entry.links = [];
    }
    return entry;
  }

  function readEntry(assessment, id) {
    var entry = assessment.evidence && assessment.evidence[id];
    return entry && typeof entry === "object" ? entry : emptyEntry();
  }

  function Evidence(form, sc) {
    this.form = form;
    this.sc = sc;
    this.panels = {};
    this.pending = {};
    Array.prototype.forEach.call(form.querySelectorAll("[data-wwc-evidence]"), function (details) {
      var id = details.getAttribute("data-wwc-evidence");
      this.panels[id] = {
        details: details,
        fieldset: details.closest("[data-wwc-criterion]"),
        state: details.querySelector(".wwc-sc-evidence-state"),
        must: null,
        boxes: [],
        built: null
      };
    }, this);
    this.bind();
  }

  Evidence.prototype.bind = function () {
    var self = this;
    this.form.addEventListener("change", function (event) {
      var target = event.target;
      if (target.type === "checkbox" && target.closest("[data-wwc-kind]")) {
        self.tick(target);
      } else if (target.hasAttribute("data-wwc-field")) {
        self.flush(target);
      }
    });
    this.form.addEventListener("input", function (event) {
      if (event.target.hasAttribute("data-wwc-field")) {
        self.schedule(event.target);
      }
    });
    // Built on the summary's click (mouse, Enter or Space), before the panel opens, so it opens
    // filled when the checklists are here; toggle catches a panel opened any other way.
    this.form.addEventListener("click", function (event) {
      var summary = event.target.closest && event.target.closest("summary");
      var id = summary && summary.parentNode.getAttribute("data-wwc-evidence");
      if (id) {
        self.open(id);
      }
    });
    this.form.addEventListener("toggle", function (event) {
      var id = event.target.getAttribute && event.target.getAttribute("data-wwc-evidence");
      if (id && event.target.open) {
        self.open(id);
      }
    }, true);
    // Typing not yet saved is saved before the page goes away.
    window.addEventListener("pagehide", function () { self.flushAll(); });
  };

  Evidence.prototype.criterionOf = function (node) {
    var details = node.closest("[data-wwc-evidence]");
    return details ? details.getAttribute("data-wwc-evidence") : null;
  };

  Evidence.prototype.tick = function (box) {
    var id = this.criterionOf(box);
    this.sc.change(id, function (assessment) {
      var entry = entryOf(assessment, id);
      var at = entry.items.indexOf(box.value);
      if (box.checked && at === -1) {
        entry.items.push(box.value);
      } else if (!box.checked && at !== -1) {
        entry.items.splice(at, 1);
      }
    });
  };

  /* ---- notes, owner, due date: saved shortly after typing stops, and on change ---- */

  Evidence.prototype.schedule = function (field) {
    var self = this;
    var key = field.id;
    window.clearTimeout(this.pending[key]);
    this.pending[key] = window.setTimeout(function () { self.flush(field); }, SAVE_DELAY);
  };

  Evidence.prototype.flush = function (field) {
    window.clearTimeout(this.pending[field.id]);
    delete this.pending[field.id];
    var id = this.criterionOf(field);
    var key = field.getAttribute("data-wwc-field");
    var value = field.value.slice(0, this.sc.limits[key] || 5000);
    if (readEntry(this.sc.model.current(), id)[key] === value) {
      return;
    }
    this.sc.change(id, function (assessment) { entryOf(assessment, id)[key] = value; });
  };

  Evidence.prototype.flushAll = function () {
    Object.keys(this.pending).forEach(function (fieldId) {
      var field = document.getElementById(fieldId);
      if (field) {
        this.flush(field);
      }
    }, this);
  };

  /* ---- the fields, built on first open ---- */

  /* Build the panel once its part and the checklists are here (sc.need: the checklists come
     first), now if they are; a failed load is said in the panel (and at the top of the page) and
     tried again on the next opening. */
  Evidence.prototype.open = function (id) {
    var panel = this.panels[id];
    if (!panel || panel.built) {
      return;
    }
    panel.wanted = true;
    if (this.build && this.sc.checklists) {
      this.build(id);
      return;
    }
    // The summary's click and the toggle that follows both ask: one load, one message.
    if (panel.loading) {
      return;
    }
    if (panel.failed) {
      panel.failed.remove();
      panel.failed = null;
    }
    var self = this;
    panel.loading = true;
    this.sc.need(["panel"]).then(function () {
      panel.loading = false;
      self.buildWanted();
    }, function (error) {
      panel.loading = false;
      if (!panel.built) {
        panel.failed = util.element("p", "wwc-sc-part-failed", util.format(self.sc.texts.part_failed, { file: error.message }));
        panel.failed.setAttribute("role", "alert");
        panel.details.appendChild(panel.failed);
      }
    });
  };

  /* Build the panels opened while their part or the checklists were on their way. */
  Evidence.prototype.buildWanted = function () {
    if (!this.build || !this.sc.checklists) {
      return;
    }
    Object.keys(this.panels).forEach(function (id) {
      if (this.panels[id].wanted) {
        this.build(id);
      }
    }, this);
  };

  /* ---- showing the state ---- */

  Evidence.prototype.fill = function (id, assessment) {
    var panel = this.panels[id];
    var entry = readEntry(assessment, id);
    var ticked = Array.isArray(entry.items) ? entry.items : [];
    Array.prototype.forEach.call(panel.boxes, function (box) {
      var on = ticked.indexOf(box.value) !== -1;
      if (box.checked !== on) {
        box.checked = on;
      }
    });
    if (panel.built) {
      ["notes", "owner", "due"].forEach(function (key) {
        var input = panel.built[key];
        var value = typeof entry[key] === "string" ? entry[key] : "";
        // Never overwrite what is being typed in this tab.
        if (input.value !== value && document.activeElement !== input) {
          input.value = value;
        }
      });
      this.renderLinks(id, Array.isArray(entry.links) ? entry.links : []);
    }
  };

  Evidence.prototype.showState = function (id, view) {
    var panel = this.panels[id];
    var texts = this.sc.texts;
    var criterion = this.sc.criteria[id];
    var state = window.WWCReadiness.criterionEvidence(criterion, view.assessment.evidence);
    var entry = readEntry(view.assessment, id);
    var bits = [];
    if (state.total) {
      bits.push(util.format(texts.evidence_ticked, { ticked: state.ticked, total: state.total }));
    }
    if ((entry.notes || "").trim()) {
      bits.push(texts.evidence_notes);
    }
    var flagged = view.flagged.hasOwnProperty(id);
    if (flagged) {
      bits.push(texts.evidence_missing);
    }
    util.setText(panel.state, bits.length ? " (" + bits.join(", ") + ")" : "");
    util.toggleClass(panel.fieldset, "wwc-sc-flagged", flagged);
    if (panel.must && state.mustMeet) {
      var must = state.mustMeet;
      util.setText(panel.must, util.format(must.holds ? texts.must_meet_met : texts.must_meet_unmet,
        { ticked: must.ticked, total: must.total, count: must.count }));
      util.toggleClass(panel.must, "wwc-sc-warning-text", !must.holds);
    }
  };

  /* changed: a criterion id (only its panel is touched) or null (all, after a load or import). */
  Evidence.prototype.update = function (view, changed) {
    var ids = changed ? [changed] : Object.keys(this.panels);
    ids.forEach(function (id) {
      if (this.panels[id]) {
        this.fill(id, view.assessment);
        this.showState(id, view);
      }
    }, this);
  };

  parts.evidence = {
    create: function (form, sc) { return new Evidence(form, sc); },
    // For the panel builders (wwc-sc-evidence-panel.js, loaded on first use).
    prototype: Evidence.prototype, entryOf: entryOf, readEntry: readEntry
  };
})();
