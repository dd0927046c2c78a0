/*
 * The cohort view's one part: owns the page's cohort root (macros/templates/cohort.html) and
 * everything inside it. Files and links are read in the browser only; the cohort lives in memory
 * and nothing is stored. Texts come from the page's JSON (macros/cohort.yml) and go in through
 * textContent only.
 */
import * as cohorts from "../lib/cohort.js";
import { format } from "../lib/format.js";
import { hasOwn } from "../lib/keys.js";
import { roundedPercent } from "../lib/scoring.js";
import * as share from "../lib/share.js";
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
    this.renderHeatmap();
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
      format(this.texts.summary, {
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

  tierText(edition, result) {
    const tier = edition.tiers.find((candidate) => candidate.id === result.tier);
    return format(this.texts.tier_cell, {
      tier: tier ? tier.name : edition.not_certified_label,
      met: result.met,
      total: result.total,
      percent: result.percent,
    });
  }

  renderTiers(edition) {
    const rows = this.cohort.members.map((member) => {
      const row = element("tr");
      const city = element("th", null, member.label);
      city.setAttribute("scope", "row");
      row.append(
        city,
        element("td", null, this.tierText(edition, member.self)),
        element("td", null, this.tierText(edition, member.backed)),
        element("td", "wwc-cohort-source", member.candidate.source),
      );
      return row;
    });
    this.el.tiers.querySelector("tbody").replaceChildren(...rows);
  }

  /** A column head with its sort button; aria-sort on the sorted one. */
  sortHead(column, label) {
    const head = element("th");
    head.setAttribute("scope", "col");
    if (this.sort.column === column) {
      head.setAttribute("aria-sort", this.sort.direction);
    }
    const button = element("button", "wwc-cohort-sort", label);
    button.type = "button";
    button.setAttribute("data-wwc-sort", column);
    button.setAttribute("title", format(this.texts.sort_by, { column: label }));
    head.append(button);
    return head;
  }

  renderHeatmap() {
    const edition = this.editions.get(this.cohort.edition);
    if (!edition) {
      return;
    }
    const bands = this.data.limits.bands;
    const caption = format(this.texts.heatmap_caption, { items: edition.item_label_plural });
    setText(this.el["heatmap-caption"], caption);
    setText(
      this.el.legend,
      format(this.texts.legend, { bands: bands.map((bound) => format(this.texts.band, { from: bound })).join(", ") }),
    );
    const head = this.el.heatmap.querySelector("thead tr");
    head.replaceChildren(
      this.sortHead("city", this.texts.col_city),
      ...edition.groups.map((group) => this.sortHead(group.id, group.name)),
    );
    const members = cohorts.sortMembers(this.cohort.members, this.sort.column, this.sort.direction);
    const rows = members.map((member) => {
      const row = element("tr");
      const city = element("th", null, member.label);
      city.setAttribute("scope", "row");
      row.append(city);
      member.backed.groups.forEach((group) => {
        const whole = Number(roundedPercent(group.met, group.total, 0));
        const cell = element("td", `wwc-cohort-cell wwc-cohort-band-${cohorts.bandOf(whole, bands)}`);
        cell.textContent = format(this.texts.heatmap_cell, {
          met: group.met,
          total: group.total,
          percent: group.percent,
        });
        row.append(cell);
      });
      return row;
    });
    this.el.heatmap.querySelector("tbody").replaceChildren(...rows);
  }

  renderMissed(edition) {
    const criteria = this.criteria.get(edition.id);
    const cities = this.cohort.members.length;
    const missed = cohorts.mostMissed(edition, this.cohort.members, this.data.limits.most_missed);
    setText(this.el["missed-intro"], format(this.texts.missed_intro, { items: edition.item_label_plural }));
    if (!missed.length) {
      this.el.missed.replaceChildren(element("li", null, format(this.texts.missed_none, { item: edition.item_label })));
      return;
    }
    this.el.missed.replaceChildren(
      ...missed.map((entry) => {
        const about = criteria[entry.id] || { title: "", href: "", case_studies: [] };
        const item = element("li");
        item.setAttribute("data-wwc-criterion", entry.id);
        const link = element(
          "a",
          null,
          format(this.texts.missed_item, { id: entry.id, title: about.title, count: entry.count, cities }),
        );
        link.href = about.href;
        item.append(link, this.caseStudies(about.case_studies));
        return item;
      }),
    );
  }

  /** @param {{city: string, state: string, title: string, href: string}[]} studies */
  caseStudies(studies) {
    if (!studies.length) {
      return element("p", "wwc-cohort-studies", this.texts.case_studies_none);
    }
    const block = element("div", "wwc-cohort-studies");
    const list = element("ul");
    studies.forEach((study) => {
      const link = element("a", null, `${study.city}, ${study.state}: ${study.title}`);
      link.href = study.href;
      // In print the address follows the link, resolved against this page so it works on paper.
      const address = element("span", "wwc-cohort-print-url", ` (${link.href})`);
      const item = element("li");
      item.append(link, address);
      list.append(item);
    });
    block.append(element("p", null, this.texts.case_studies), list);
    return block;
  }
}
