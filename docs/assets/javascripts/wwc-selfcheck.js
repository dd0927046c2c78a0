/*
 * The self-check page's controller. The form of this page's edition is already on the page
 * (rendered from the YAML at build time); this script reads the JSON embedded beside it, opens
 * the model (WWCAssessments via WWCSelfCheckParts.multi: the only way to saved data) and wires the view parts, each bound
 * to one root element (window.WWCSelfCheckParts: results, evidence, tools, plan; the checklists
 * (every requirement and document), the report, export/import, share, merge, compare and CSV are
 * loaded on first use: need()).
 *
 * Every change goes through sc.change(criterionId, fn): the model applies fn to the latest
 * stored assessment, then each part updates what changed (criterionId, or everything when null).
 * It makes no network request of any kind.
 *
 * init() is idempotent and runs on DOMContentLoaded and on Material's document$ (which fires
 * after instant navigation but never on file://).
 */
(function () {
  "use strict";

  function byId(id) {
    return document.getElementById(id);
  }

  function SelfCheck(root, data) {
    var parts = window.WWCSelfCheckParts;
    this.root = root;
    this.data = data;
    this.texts = data.texts;
    this.limits = data.limits;
    this.edition = data.edition;
    this.criteria = {};
    data.edition.groups.forEach(function (group) {
      group.criteria.forEach(function (criterion) { this.criteria[criterion.id] = criterion; }, this);
    }, this);
    this.format = parts.util.format;
    this.form = byId("wwc-sc-form-" + data.edition.id);
    // Saved data: several assessments (wwc-sc-multi.js over wwc-assessments.js and wwc-store.js).
    var self = this;
    this.multi = window.WWCSelfCheckParts.multi.create({
      root: root, data: data,
      editionId: function () { return data.edition.id; },
      reload: function () { self.cached = null; self.update(null); },
      need: function (names, quiet) { return self.need(names, quiet); }
    });
    this.model = this.multi.model;
    this.cached = null;
    this.parts = {};
  }

  /* ---- words ---- */

  SelfCheck.prototype.items = function (count) {
    return count === 1 ? this.edition.item_label : this.edition.item_label_plural;
  };

  SelfCheck.prototype.tier = function (tierId) {
    for (var i = 0; i < this.edition.tiers.length; i += 1) {
      if (this.edition.tiers[i].id === tierId) {
        return this.edition.tiers[i];
      }
    }
    return null;
  };

  SelfCheck.prototype.tierName = function (tierId) {
    var tier = this.tier(tierId);
    return tier ? tier.name : this.edition.not_certified_label;
  };

  SelfCheck.prototype.summary = function (result) {
    return this.format(this.texts.summary, {
      met: result.met, total: result.total, items: this.items(result.total),
      percent: result.percent, tier: this.tierName(result.tier)
    }) + " " + this.unansweredText(result);
  };

  SelfCheck.prototype.unansweredText = function (result) {
    if (result.unanswered === 0) {
      return this.format(this.texts.unanswered_none, { items: this.edition.item_label_plural });
    }
    return this.format(this.texts.unanswered_some, {
      count: result.unanswered, total: result.total, items: this.items(result.total)
    });
  };

  /* ---- the derived view of the current assessment (computed once per change) ---- */

  SelfCheck.prototype.view = function () {
    var assessment = this.model.current();
    if (this.cached && this.cached.assessment === assessment && this.cached.updated === assessment.updated) {
      return this.cached;
    }
    var result = window.WWCScoring.score(this.edition, assessment.answers);
    var backed = window.WWCReadiness.evidenceResult(this.edition, assessment.answers, assessment.evidence);
    var flagged = {};
    backed.flags.forEach(function (flag) { flagged[flag.id] = flag; });
    this.cached = { assessment: assessment, updated: assessment.updated, result: result, backed: backed, flagged: flagged };
    return this.cached;
  };

  /* ---- start-up ---- */

  SelfCheck.prototype.start = function () {
    var parts = window.WWCSelfCheckParts;
    this.parts.tools = parts.tools.create(byId("wwc-sc-tools"), this);
    this.parts.results = parts.results.create(byId("wwc-sc-results"), this);
    this.parts.evidence = parts.evidence.create(this.form, this);
    if (parts.plan) {
      this.parts.plan = parts.plan.create(byId("wwc-sc-plan"), this);
    }
    this.bind();
    this.update(null);
    // The storage banner (wwc-sc-assessments.js) is the page's one voice about saving: it says
    // what could not be read, what is kept aside and, after every change, whether saving failed.
    this.multi.attach();
    return this.reportReady || Promise.resolve();
  };

  /* ---- parts loaded on first use (payload.lazy; wwc-sc-util.js loadParts) ---- */

  /* Resolves once the named parts are loaded, the checklists first (every part works on the
     item ids). A failure is told to the user (unless quiet) and rejects, so the action that
     needed the part does nothing: no answer is touched. */
  SelfCheck.prototype.need = function (names, quiet) {
    var self = this;
    var lazy = this.data.lazy || {};
    return window.WWCSelfCheckParts.util.loadParts(lazy, ["checklists"].concat(names)).then(function () {
      if (!self.checklists && !window.WWCSelfCheckParts.util.applyChecklists(self.edition)) {
        throw new Error((lazy.checklists || [""])[0]);
      }
      if (!self.checklists) {
        self.checklistsArrived();
      }
    }).catch(function (error) {
      if (!quiet) {
        self.parts.tools.showAlert(self.format(self.texts.part_failed, { file: error.message }));
      }
      throw error;
    });
  };

  /* The item ids are in the edition now: show every part again with the ticks counted and the
     items named (the plan named them by id until now). Every part keeps a reference to the same
     texts objects, so the texts merged in here reach them all. */
  SelfCheck.prototype.checklistsArrived = function () {
    // The texts only the parts loaded on first use need travel with the checklists.
    var loaded = window.WWCSelfCheckChecklists;
    Object.assign(this.texts, loaded.texts);
    Object.assign(this.data.assessments.texts, loaded.assessment_texts);
    this.checklists = true;
    this.cached = null;
    if (this.parts.plan) {
      this.parts.plan.forget();
    }
    this.waiting = false;
    this.root.classList.remove("wwc-sc-waiting");
    this.update(null);
    this.parts.evidence.buildWanted();
  };

  SelfCheck.prototype.withReport = function (quiet) {
    var self = this;
    return this.need(["report"], quiet).then(function () {
      if (!self.parts.report) {
        self.parts.report = window.WWCSelfCheckParts.report.create(byId("wwc-sc-report"), self);
      }
      return self.parts.report;
    });
  };

  /* The browser's own Print (menu, Ctrl/Cmd+P) fires beforeprint, which cannot wait for a script:
     so the report and the checklists are loaded as soon as the assessment holds anything to
     report (at start for a returning user, on the first change otherwise). An empty first visit
     loads neither and prints the page as it is. A failed load is tried again on the next change;
     it is told when the page is holding back saved ticks' figures (a returning user). */
  SelfCheck.prototype.readyReport = function (assessment) {
    // Saved ticks (at start, or in an assessment opened from the manager) are counted only once the
    // checklists have brought the item ids: until then the figures that depend on them keep their
    // space but are not shown (wwc-selfcheck.css), and a failed load is said.
    if (!this.checklists && !this.waiting && hasTicks(assessment)) {
      this.waiting = true;
      this.root.classList.add("wwc-sc-waiting");
    }
    if (this.reportReady || !hasContent(assessment)) {
      return;
    }
    var self = this;
    this.reportReady = this.withReport(!this.waiting).catch(function () { self.reportReady = null; });
  };

  SelfCheck.prototype.bind = function () {
    var self = this;
    this.form.addEventListener("change", function (event) {
      var target = event.target;
      if (target.type === "radio") {
        self.answer(target);
      }
    });
    // The forms have no action: Enter must never reload the page and lose the state.
    this.root.addEventListener("submit", function (event) { event.preventDefault(); });
    window.addEventListener("beforeprint", function () {
      if (self.parts.report) {
        self.prepareReport();
      } else {
        self.withReport().catch(function () {});
      }
    });
    // Some ways of printing (a PDF printed by a driver) switch the media without beforeprint.
    if (window.matchMedia) {
      var printing = window.matchMedia("print");
      var onPrint = function () {
        if (printing.matches) {
          self.prepareReport();
        }
      };
      if (printing.addEventListener) {
        printing.addEventListener("change", onPrint);
      }
    }
  };

  SelfCheck.prototype.answer = function (input) {
    var fieldset = input.closest("[data-wwc-criterion]");
    if (!fieldset) {
      return;
    }
    var id = fieldset.getAttribute("data-wwc-criterion");
    this.change(id, function (assessment) { assessment.answers[id] = input.value; });
  };

  /* ---- changing and showing ---- */

  /* fn(assessment) through the model; then the parts show the change. options.keepUndo: part
     of an undoable replacement (start over, import), so the undo stays offered. */
  SelfCheck.prototype.change = function (criterionId, fn, options) {
    var outcome = this.model.change(fn);
    this.multi.changed(outcome);
    if (!(options && (options.keepUndo || options.identity))) {
      this.parts.tools.forgetUndo();
    }
    this.update(criterionId, options);
    return outcome;
  };

  SelfCheck.prototype.update = function (criterionId, options) {
    var view = this.view();
    if (!(options && options.identity)) {
      this.fillAnswers(criterionId, view.assessment.answers);
      this.parts.results.update(view);
      this.parts.evidence.update(view, criterionId);
      if (this.parts.plan) {
        this.parts.plan.update(view, criterionId);
      }
    }
    this.parts.tools.update(view);
    if (this.parts.report) {
      this.parts.report.invalidate();
    }
    this.readyReport(view.assessment);
  };

  /* Make the radios show the state: checked where answered, clear where not. */
  SelfCheck.prototype.fillAnswers = function (criterionId, answers) {
    var scope = criterionId ? this.form.querySelector('[data-wwc-criterion="' + criterionId + '"]') : this.form;
    Array.prototype.forEach.call(scope.querySelectorAll("input[type=radio]"), function (input) {
      var criterion = criterionId || input.closest("[data-wwc-criterion]").getAttribute("data-wwc-criterion");
      var on = answers[criterion] === input.value;
      if (input.checked !== on) {
        input.checked = on;
      }
    });
  };

  SelfCheck.prototype.prepareReport = function () {
    this.parts.evidence.flushAll();
    if (this.parts.report) {
      this.parts.report.render(this.view());
    }
  };

  SelfCheck.prototype.print = function () {
    var self = this;
    return this.withReport().then(function () {
      self.prepareReport();
      window.print();
    }, function () {});
  };

  /* ---- start-up ---- */

  function hasTicks(assessment) {
    var evidence = assessment.evidence || {};
    return Object.keys(evidence).some(function (id) {
      return evidence[id] && Array.isArray(evidence[id].items) && evidence[id].items.length > 0;
    });
  }

  /* Anything a report would show: an answer, any evidence, a city or a date. */
  function hasContent(assessment) {
    return Object.keys(assessment.answers || {}).length > 0 || Object.keys(assessment.evidence || {}).length > 0 ||
      Boolean(assessment.city) || Boolean(assessment.date);
  }

  function readPayload() {
    var script = byId("wwc-selfcheck-data");
    try {
      return script ? window.WWCSelfCheckParts.util.completePayload(JSON.parse(script.textContent)) : null;
    } catch (error) {
      return null;
    }
  }

  function init() {
    var root = byId("wwc-selfcheck");
    if (!root || root.getAttribute("data-wwc-ready") === "true" || !root.hasAttribute("data-wwc-edition")) {
      return;
    }
    var data = readPayload();
    if (!data || !window.WWCScoring || !window.WWCReadiness || !window.WWCAssessments || !window.WWCStore ||
        !window.WWCSelfCheckParts) {
      return;
    }
    if (root.wwcSelfCheck) {
      return;
    }
    var selfCheck = root.wwcSelfCheck = new SelfCheck(root, data);
    // Ready once a returning user's checklists and report are in (or their load failed, and said so).
    selfCheck.start().then(function () { root.setAttribute("data-wwc-ready", "true"); });
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
