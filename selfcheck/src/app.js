/*
 * The self-check page's controller. The form of this page's edition is already on the page
 * (rendered from the YAML at build time); the controller reads the JSON embedded beside it, opens
 * the model through the assessments wiring (multi.js: the only way to saved data) and creates the
 * view parts, each bound to one root element: results, evidence, tools, plan and report here; the
 * assessments manager, banner, share, merge and compare in multi.js.
 *
 * Every change goes through change(criterionId, fn): the model applies fn to the latest stored
 * assessment, then each part updates what changed (criterionId, or everything when null).
 * It makes no network request of any kind.
 */

import { ELEMENTS } from "./elements.js";
import { readiness, scoring } from "./lib/index.js";
import { format } from "./lib/format.js";
import { currentPerson } from "./lib/person-setting.js";
import { localDay, planOf } from "./lib/plan-dates.js";
import { Areas } from "./parts/areas.js";
import { Evidence } from "./parts/evidence.js";
import { Flags } from "./parts/flags.js";
import { JumpToQuestion } from "./parts/jump-to-question.js";
import { Plan } from "./parts/plan.js";
import { Planning } from "./parts/planning.js";
import { Report } from "./parts/report.js";
import { Results } from "./parts/results.js";
import { Tools } from "./parts/tools.js";
import { Views } from "./parts/views.js";
import { Checklists } from "./view/checklists.js";
import { CriterionLookup } from "./view/criterion-lookup.js";
import { requireElement } from "./view/dom.js";
import { nextTask } from "./view/tasks.js";
import { createMulti } from "./multi.js";
import { createRequests } from "./requests.js";
import { createTeam } from "./team.js";

/* The parts each view holds that follow every change, by view (see SelfCheck.bringUpToDate). */
/** @type {Record<string, (parts: any, view: any) => void>} */
const VIEW_PARTS = {
  results: (parts, view) => {
    parts.results?.update(view);
    parts.flags?.update(view);
    parts.planning?.update(view);
  },
  "next-steps": (parts, view) => parts.plan?.update(view),
};

export class SelfCheck {
  /**
   * @param {HTMLElement} root the page's #wwc-selfcheck block
   * @param {any} data the embedded JSON (macros/selfcheck.py payload)
   */
  constructor(root, data) {
    this.root = root;
    this.data = data;
    this.texts = data.texts;
    this.limits = data.limits;
    this.edition = data.edition;
    this.checklists = new Checklists(data.checklists);
    /** @type {Map<string, any>} */
    this.criteria = new Map();
    for (const group of data.edition.groups) {
      for (const criterion of group.criteria) {
        this.criteria.set(criterion.id, criterion);
      }
    }
    this.format = format;
    this.form = requireElement(root, `#${ELEMENTS.form_prefix}${CSS.escape(data.edition.id)}`);
    // What the lists made by the script (next steps, flags, requests) show of each criterion.
    this.criterionLookup = new CriterionLookup(this.form, this.checklists);
    // Saved data: several assessments (multi.js over lib/assessments.js and lib/store.js).
    this.multi = createMulti({
      root,
      data,
      checklists: this.checklists,
      form: this.form,
      editionId: () => data.edition.id,
      reload: () => {
        this.cached = null;
        this.update(null);
      },
      focusName: () => this.parts.tools?.focusName(),
    });
    this.model = this.multi.model;
    // Requests to departments and their replies (requests.js).
    this.requests = createRequests({
      root,
      data,
      multi: this.multi,
      checklists: this.checklists,
      criteria: this.criterionLookup,
      change: (fn, options) => {
        this.change(null, fn, options);
      },
      person: () => this.person(),
    });
    /** @type {any} */
    this.cached = null;
    /** @type {{tools?: Tools, results?: Results, evidence?: Evidence, plan?: Plan, flags?: Flags, planning?: Planning, report?: Report, areas?: Areas, views?: Views, jump?: JumpToQuestion}} */
    this.parts = {};
    /** @type {ReturnType<typeof createTeam> | null} */
    this.team = null;
    /** Whether start() has attached the saved data (the requests' parts wait for it). */
    this.started = false;
    /** The views whose parts have not shown the latest change (see bringUpToDate). @type {Set<string>} */
    this.behind = new Set();
  }

  /**
   * The name of the person using this browser, stamped on requests, replies and merges; "" when
   * none is set (the forms then ask for it); set in the assessments view (parts/person.js).
   */
  person() {
    return currentPerson();
  }

  /** Today as the page sees it (tests may set the clock). */
  now() {
    return new Date();
  }

  /* ---- words ---- */

  /** @param {number} count */
  items(count) {
    return count === 1 ? this.edition.item_label : this.edition.item_label_plural;
  }

  /** @param {string | null} tierId */
  tierName(tierId) {
    const tier = this.edition.tiers.find((/** @type {any} */ entry) => entry.id === tierId);
    return tier ? tier.name : this.edition.not_certified_label;
  }

  /** @param {any} result */
  summary(result) {
    return `${format(this.texts.summary, {
      met: result.met,
      total: result.total,
      items: this.items(result.total),
      percent: result.percent,
      tier: this.tierName(result.tier),
    })} ${this.unansweredText(result)}`;
  }

  /** @param {any} result */
  unansweredText(result) {
    if (result.unanswered === 0) {
      return format(this.texts.unanswered_none, { items: this.edition.item_label_plural });
    }
    return format(this.texts.unanswered_some, {
      count: result.unanswered,
      total: result.total,
      items: this.items(result.total),
    });
  }

  /* ---- the derived view of the current assessment (computed once per change) ---- */

  view() {
    const assessment = this.model.current();
    if (this.cached && this.cached.assessment === assessment && this.cached.updated === assessment.updated) {
      return this.cached;
    }
    const result = scoring.score(this.edition, assessment.answers);
    const backed = readiness.evidenceResult(this.edition, assessment.answers, assessment.evidence);
    /** @type {Map<string, any>} */
    const flagged = new Map();
    for (const flag of backed.flags) {
      flagged.set(flag.id, flag);
    }
    // The plan to the application date: dates of evidence against their windows, and the roadmap.
    const plan = planOf(this.edition, assessment, localDay(this.now()));
    this.cached = { assessment, updated: assessment.updated, result, backed, flagged, plan };
    return this.cached;
  }

  /* ---- start-up ---- */

  /**
   * Start-up, in short tasks with the browser's turn between them: Material starts its page just
   * before, and a long task delays a tap (and counts as blocking time) where several short ones do
   * not. The form's listeners come first, so that an answer given in between already goes through
   * change() (the parts not yet made are skipped, and the first render shows it); then the answer
   * view's parts, then the others.
   */
  async start() {
    this.bind();
    await nextTask();
    this.makeAnswerParts();
    await nextTask();
    this.makeOtherParts();
    // The first render, a step a task, each step showing the assessment as it is by then.
    for (const step of this.updateSteps(null)) {
      await nextTask();
      step(this.view());
    }
    // The parts of the view the address opens, one view a task, before it is shown (the report
    // copies both the results and the next steps): shown, it then only has to be rendered.
    for (const name of this.partsTheFirstViewShows()) {
      await nextTask();
      this.bringUpToDate([name], true);
    }
    await nextTask();
    this.parts.views?.start();
    // Any other view on screen too (a style may show them all, as the page without its script does);
    // a task later, so that finding which views are on screen does not compute the style in this one.
    await nextTask();
    this.bringUpToDate(Object.keys(VIEW_PARTS), false);
    await nextTask();
    // The storage banner is the page's one voice about saving: it says what could not be read,
    // what is kept aside and, after every change, whether saving failed.
    const attached = this.multi.attach();
    this.started = true;
    await nextTask();
    return Promise.all([attached, this.attachRequests()]);
  }

  /** The views (VIEW_PARTS' keys) whose parts the view the address opens shows. */
  partsTheFirstViewShows() {
    const first = this.parts.views?.resolve(window.location.hash)?.view;
    if (first === "report") {
      return Object.keys(VIEW_PARTS);
    }
    return first && Object.hasOwn(VIEW_PARTS, first) ? [first] : [];
  }

  /* The parts of the answer view, where a person starts. */
  makeAnswerParts() {
    const root = this.root;
    this.parts.tools = new Tools(
      requireElement(root, `#${ELEMENTS.tools}`),
      this,
      requireElement(root, `#${ELEMENTS.confirm}`),
    );
    this.parts.results = new Results(requireElement(root, `#${ELEMENTS.results}`), this, {
      status: requireElement(root, `#${ELEMENTS.status}`),
      headings: this.form,
    });
    this.parts.evidence = new Evidence(this.form, this);
    this.parts.areas = new Areas(requireElement(root, `#${ELEMENTS.areas}`), this);
  }

  /* The other views' parts, and the views themselves. */
  makeOtherParts() {
    const root = this.root;
    const results = requireElement(root, `#${ELEMENTS.results}`);
    const plan = requireElement(root, `#${ELEMENTS.plan}`);
    const criteria = this.criterionLookup;
    this.parts.plan = new Plan(plan, this, criteria);
    // An edition with nothing to tick has no flagged answers to list.
    const flags = root.querySelector(`#${ELEMENTS.flags}`);
    if (flags) {
      this.parts.flags = new Flags(/** @type {HTMLElement} */ (flags), this, criteria);
    }
    // The report prints copies of what the results and the plan show.
    this.parts.report = new Report(requireElement(root, `#${ELEMENTS.report}`), this, { results, plan });
    const planning = root.querySelector(`#${ELEMENTS.planning}`);
    // Only editions with evidence to tick have dates to plan with.
    this.parts.planning = planning ? new Planning(/** @type {HTMLElement} */ (planning), this) : undefined;
    this.team = createTeam({
      root,
      form: this.form,
      data: this.data,
      edition: this.edition,
      checklists: this.checklists,
      current: () => this.model.current(),
    });
    this.parts.views = new Views(requireElement(root, ".wwc-sc-body"), {
      nav: requireElement(root, `#${ELEMENTS.views_nav}`),
      shareFragment: this.data.assessments.share.fragment,
      fragments: this.requests.fragments(),
      onShow: {
        answer: (target) => this.parts.areas?.reveal(target),
        report: () => this.prepareReport(),
        assessments: () => {
          this.attachRequests();
          this.team?.render();
        },
        results: () => this.bringUpToDate(["results"], true),
        "next-steps": () => this.bringUpToDate(["next-steps"], true),
      },
    });
    // Before the views start: its clicks are handled before the views route them as links.
    this.parts.jump = new JumpToQuestion(root, this, this.parts.views);
  }

  /**
   * The requests' parts, once the assessments view is on screen and the saved data attached: a
   * department's link (#request=...) opens that view, and a page that opens on another has no
   * requests' lists to build before it answers.
   */
  attachRequests() {
    return this.started && this.parts.views?.displayed("assessments") ? this.requests.attach() : null;
  }

  bind() {
    this.form.addEventListener("change", (/** @type {Event} */ event) => {
      const target = /** @type {HTMLInputElement} */ (event.target);
      if (target.type === "radio") {
        this.answer(target);
      }
    });
    // The forms have no action: Enter must never reload the page and lose the state.
    this.root.addEventListener("submit", (event) => event.preventDefault());
    // The browser's own Print (menu, Ctrl/Cmd+P) fires beforeprint; some ways of printing (a PDF
    // printed by a driver) switch the media without it.
    window.addEventListener("beforeprint", () => this.prepareReport());
    const printing = window.matchMedia ? window.matchMedia("print") : null;
    printing?.addEventListener?.("change", () => {
      if (printing.matches) {
        this.prepareReport();
      }
    });
  }

  /** @param {HTMLInputElement} input */
  answer(input) {
    const fieldset = input.closest("[data-wwc-criterion]");
    const id = fieldset?.getAttribute("data-wwc-criterion");
    if (id) {
      this.change(id, (/** @type {any} */ assessment) => {
        assessment.answers[id] = input.value;
      });
    }
  }

  /* ---- changing and showing ---- */

  /**
   * fn(assessment) through the model; then the parts show the change. options.keepUndo: part of
   * an undoable replacement (start over, import), so the undo stays offered.
   * @param {string | null} criterionId
   * @param {(assessment: any) => void} fn
   * @param {{keepUndo?: boolean, identity?: boolean, recorded?: boolean}} [options] recorded: fn writes
   * its own history entries (lib/assessments.js)
   */
  change(criterionId, fn, options) {
    const outcome = this.model.change(fn, options);
    this.multi.changed(outcome);
    if (!(options && (options.keepUndo || options.identity))) {
      this.parts.tools?.forgetUndo();
    }
    this.update(criterionId, options);
    return outcome;
  }

  /**
   * @param {string | null} criterionId
   * @param {{identity?: boolean}} [options]
   */
  update(criterionId, options) {
    // One view for every step: each view() of a changed assessment scores it anew.
    const view = this.view();
    for (const step of this.updateSteps(criterionId, options)) {
      step(view);
    }
  }

  /**
   * What update() does, in order: the answers and the figures beside them; the evidence panels and
   * the views that follow every change; the tools and the lists made from the assessment. One after
   * the other on a change; a task apart at start-up.
   * @param {string | null} criterionId
   * @param {{identity?: boolean}} [options]
   * @returns {((view: any) => void)[]}
   */
  updateSteps(criterionId, options) {
    const steps = [];
    if (!options?.identity) {
      steps.push((/** @type {any} */ view) => {
        this.fillAnswers(criterionId, view.assessment.answers);
        this.parts.results?.updateStatus(view);
        this.parts.areas?.update(view);
      });
      steps.push((/** @type {any} */ view) => {
        this.parts.evidence?.update(view, criterionId);
        this.behind = new Set(Object.keys(VIEW_PARTS));
        this.bringUpToDate(Object.keys(VIEW_PARTS), false);
      });
    }
    steps.push((/** @type {any} */ view) => {
      this.parts.tools?.update(view);
      this.parts.report?.invalidate();
      this.requests.refresh();
      this.team?.update(criterionId);
    });
    return steps;
  }

  /**
   * Make the radios show the state: checked where answered, clear where not.
   * @param {string | null} criterionId
   * @param {Record<string, string>} answers
   */
  fillAnswers(criterionId, answers) {
    const scope = criterionId
      ? this.form.querySelector(`[data-wwc-criterion="${CSS.escape(criterionId)}"]`)
      : this.form;
    for (const input of scope.querySelectorAll("input[type=radio]")) {
      const criterion = criterionId || input.closest("[data-wwc-criterion]").getAttribute("data-wwc-criterion");
      const on = Object.hasOwn(answers, criterion) && answers[criterion] === input.value;
      if (input.checked !== on) {
        input.checked = on;
      }
    }
  }

  /**
   * The results and next-steps views' parts show the latest change while their view is on screen,
   * and when it is shown: at 450 criteria the next steps alone are hundreds of items, and rebuilding
   * them behind a hidden view on every answer made a click miss its frame.
   * @param {string[]} views
   * @param {boolean} evenIfHidden the report copies from them, and a view being shown is not yet
   */
  bringUpToDate(views, evenIfHidden) {
    for (const name of views) {
      if (this.behind.has(name) && (evenIfHidden || this.parts.views?.displayed(name))) {
        this.behind.delete(name);
        VIEW_PARTS[name](this.parts, this.view());
      }
    }
  }

  prepareReport() {
    this.bringUpToDate(Object.keys(VIEW_PARTS), true);
    this.parts.evidence?.flushAll();
    this.parts.report?.render(this.view());
  }

  print() {
    this.prepareReport();
    window.print();
  }
}
