/*
 * The cohort view's one part: owns the page's cohort root (macros/templates/cohort.html) and
 * everything inside it. Files and links are read in the browser only; the cohort lives in memory
 * and nothing is stored. Texts come from the page's JSON (macros/cohort.yml) and go in through
 * textContent only.
 */
import * as cohorts from "../lib/cohort.js";
import { format, formatCount } from "../lib/format.js";
import { hasOwn } from "../lib/keys.js";
import { roundedPercent } from "../lib/scoring.js";
import * as share from "../lib/share.js";
import * as handout from "../view/cohort-handout.js";
import { element, setText } from "../view/dom.js";

/** @param {HTMLElement} root @param {string} name */
function find(root, name) {
  const node = root.querySelector(`[data-wwc-cohort="${name}"]`);
  if (!node) {
    throw new Error(`missing element [data-wwc-cohort="${name}"]`);
  }
  return /** @type {any} */ (node);
}

export class CohortView {
  /**
   * @param {HTMLElement} root the element holding the cohort view
   * @param {any} data the page's JSON (macros/cohort.py payload)
   */
  constructor(root, data) {
    this.root = root;
    this.data = data;
    this.texts = data.texts;
    /** @type {Map<string, any>} */
    this.editions = new Map(data.editions.map((entry) => [entry.edition.id, entry.edition]));
    /** @type {Map<string, any>} */
    this.criteria = new Map(data.editions.map((entry) => [entry.edition.id, entry.criteria]));
    this.editionIds = Array.from(this.editions.keys());
    this.cohort = cohorts.emptyCohort();
    /** @type {{text: string}[]} */
    this.refused = [];
    this.linkCount = 0;
    this.sort = { column: "city", direction: /** @type {"ascending" | "descending"} */ ("ascending") };
    this.el = {};
    for (const name of ["files", "links", "add-links", "clear", "print", "status", "refused", "refused-list"]) {
      this.el[name] = find(root, name);
    }
    for (const name of [
      "summary",
      "tables",
      "tiers",
      "heatmap",
      "heatmap-caption",
      "legend",
      "missed-intro",
      "missed",
    ]) {
      this.el[name] = find(root, name);
    }
  }

  start() {
    const el = this.el;
    el.files.addEventListener("change", () => this.openFiles(Array.from(el.files.files || [])));
    el["add-links"].addEventListener("click", () => this.openLinks(el.links.value));
    el.clear.addEventListener("click", () => this.clear());
    el.print.addEventListener("click", () => window.print());
    el.heatmap.addEventListener("click", (/** @type {Event} */ event) => {
      const button = /** @type {HTMLElement} */ (event.target).closest("button[data-wwc-sort]");
      if (button) {
        this.sortBy(button.getAttribute("data-wwc-sort") || "city");
      }
    });
    for (const name of ["files", "links", "add-links", "clear", "print"]) {
      el[name].disabled = false;
    }
    this.render();
  }

  /**
   * Read the files (a file over the size limit is refused unread), then admit them in the order given.
   * @param {File[]} files
   */
  openFiles(files) {
    const settings = this.data.export;
    const reads = files.map((file) => {
      if (file.size > settings.max_bytes) {
        return Promise.resolve(cohorts.readExport("", file.size, settings, this.editionIds, file.name));
      }
      return file.text().then(
        (text) => cohorts.readExport(text, file.size, settings, this.editionIds, file.name),
        () => ({ ok: false, refusal: { code: "unreadable", source: file.name, details: {} } }),
      );
    });
    return Promise.all(reads).then((outcomes) => {
      this.el.files.value = "";
      this.take(outcomes);
    });
  }

  /** @param {string} text share links (or bare tokens), one a line */
  openLinks(text) {
    const lines = String(text)
      .split(/\r?\n/)
      .map((line) => line.trim())
      .filter(Boolean);
    const fragment = this.data.share.fragment;
    const reads = lines.map((line) => {
      this.linkCount += 1;
      const source = format(this.texts.link_label, { number: this.linkCount });
      const hash = line.indexOf("#") === -1 ? "" : line.slice(line.indexOf("#"));
      const token = hash ? share.tokenFromHash(hash, fragment) : line;
      return share
        .decode(token, this.data.share)
        .then((decoded) => cohorts.readDecodedLink(decoded, this.editionIds, source));
    });
    return Promise.all(reads).then((outcomes) => {
      this.el.links.value = "";
      this.take(outcomes);
    });
  }

  /** @param {any[]} outcomes readExport / readDecodedLink results, in the order given */
  take(outcomes) {
    let added = 0;
    let refused = 0;
    const maxCities = this.data.limits.max_cities;
    outcomes.forEach((outcome) => {
      const problem = outcome.ok
        ? cohorts.admit(this.cohort, outcome.candidate, this.editions, maxCities)
        : outcome.refusal;
      if (problem) {
        refused += 1;
        this.refused.push({ text: this.refusalText(problem) });
      } else {
        added += 1;
      }
    });
    setText(this.el.status, format(this.texts.loaded, { added, refused }));
    this.render();
  }

  /** @param {{code: string, source: string, details: Record<string, any>}} problem */
  refusalText(problem) {
    const templates = this.texts.refused;
    const template = hasOwn(templates, problem.code) ? templates[problem.code] : templates.invalid;
    return format(template, Object.assign({ source: problem.source }, problem.details));
  }

  clear() {
    this.cohort = cohorts.emptyCohort();
    this.refused = [];
    this.linkCount = 0;
    setText(this.el.status, "");
    this.render();
  }

  /** @param {string} column "city" or a group id */
  sortBy(column) {
    const same = this.sort.column === column;
    /** @type {"ascending" | "descending"} */
    const direction = same && this.sort.direction === "ascending" ? "descending" : "ascending";
    this.sort = { column, direction };
    this.showSort();
  }

  render() {
    this.renderRefused();
    const members = this.cohort.members;
    this.el.tables.hidden = members.length === 0;
    if (!members.length) {
      setText(this.el.summary, this.texts.summary_empty);
      return;
    }
    const edition = this.editions.get(this.cohort.edition);
    setText(
      this.el.summary,
      formatCount(this.texts.summary, members.length, {
        count: members.length,
        edition: edition.title,
        total: edition.groups.reduce((sum, group) => sum + group.criteria.length, 0),
        items: edition.item_label_plural,
      }),
    );
    this.renderTiers(edition);
    this.renderHeatmap();
    this.renderMissed(edition);
  }

  renderRefused() {
    const list = this.el["refused-list"];
    list.replaceChildren(...this.refused.map((entry) => element("li", null, entry.text)));
    this.el.refused.hidden = this.refused.length === 0;
  }

  renderTiers(edition) {
    this.el.tiers.querySelector("tbody").replaceChildren(...handout.tierRows(this.texts, edition, this.cohort.members));
  }

  /** A column head with its sort button (aria-sort is set by showSort). */
  sortHead(column, label) {
    const head = element("th");
    head.setAttribute("scope", "col");
    const button = element("button", "wwc-cohort-sort", label);
    button.type = "button";
    button.setAttribute("data-wwc-sort", column);
    button.setAttribute("title", format(this.texts.sort_by, { column: label }));
    head.append(button);
    return head;
  }

  /** The heat map's heads and one row per member, built once per change of the cohort. */
  renderHeatmap() {
    const edition = this.editions.get(this.cohort.edition);
    if (!edition) {
      return;
    }
    const bands = this.data.limits.bands;
    setText(this.el["heatmap-caption"], format(this.texts.heatmap_caption, { items: edition.item_label_plural }));
    setText(
      this.el.legend,
      format(this.texts.legend, { bands: bands.map((bound) => format(this.texts.band, { from: bound })).join(", ") }),
    );
    this.el.heatmap
      .querySelector("thead tr")
      .replaceChildren(
        this.sortHead("city", this.texts.col_city),
        ...edition.groups.map((group) => this.sortHead(group.id, group.name)),
      );
    /** @type {Map<any, {label: string, cells: {text: string, className: string}[]}>} */
    this.heatCells = new Map();
    this.cohort.members.forEach((member) => {
      const cells = member.backed.groups.map((group) => ({
        text: format(this.texts.heatmap_cell, { met: group.met, total: group.total, percent: group.percent }),
        className: `wwc-cohort-cell wwc-cohort-band-${cohorts.bandOf(Number(roundedPercent(group.met, group.total, 0)), bands)}`,
      }));
      this.heatCells.set(member, { label: member.label, cells });
    });
    const rows = this.cohort.members.map(() => {
      const row = element("tr");
      const city = element("th");
      city.setAttribute("scope", "row");
      row.append(city, ...edition.groups.map(() => element("td")));
      return row;
    });
    this.el.heatmap.querySelector("tbody").replaceChildren(...rows);
    this.showSort();
  }

  /** The rows filled in the sort's order: the rows stay, only the text and class that differ change
      (moving rows made the browser restyle and re-lay out every one of them). aria-sort on the head. */
  showSort() {
    const members = cohorts.sortMembers(this.cohort.members, this.sort.column, this.sort.direction);
    const rows = this.el.heatmap.querySelector("tbody").children;
    members.forEach((member, index) => {
      const shown = this.heatCells.get(member);
      const cells = rows[index].children;
      setText(cells[0], shown.label);
      shown.cells.forEach((cell, column) => {
        const target = cells[column + 1];
        if (target.className !== cell.className) {
          target.className = cell.className;
        }
        setText(target, cell.text);
      });
    });
    this.el.heatmap.querySelectorAll("thead th").forEach((/** @type {HTMLElement} */ head) => {
      const button = head.querySelector("button[data-wwc-sort]");
      if (button && button.getAttribute("data-wwc-sort") === this.sort.column) {
        head.setAttribute("aria-sort", this.sort.direction);
      } else {
        head.removeAttribute("aria-sort");
      }
    });
  }

  renderMissed(edition) {
    const missed = cohorts.mostMissed(edition, this.cohort.members, this.data.limits.most_missed);
    setText(this.el["missed-intro"], format(this.texts.missed_intro, { items: edition.item_label_plural }));
    this.el.missed.replaceChildren(
      ...handout.missedItems(this.texts, edition, this.criteria.get(edition.id), missed, this.cohort.members.length),
    );
  }
}
