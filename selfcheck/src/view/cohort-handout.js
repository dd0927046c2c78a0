/*
 * The cohort view's tiers table rows and most-missed list (parts/cohort.js): elements built from the
 * texts of macros/cohort.yml with textContent only.
 */
import { format, formatCount } from "../lib/format.js";
import { hasOwn } from "../lib/keys.js";
import { element } from "./dom.js";

/** The tier_cell text of a score result: its tier (or the edition's not-certified label) and figures. */
function tierText(texts, edition, result) {
  const tier = edition.tiers.find((candidate) => candidate.id === result.tier);
  return format(texts.tier_cell, {
    tier: tier ? tier.name : edition.not_certified_label,
    met: result.met,
    total: result.total,
    percent: result.percent,
  });
}

/**
 * One row per member: city, self-reported tier, evidence-backed tier, the file or link it came from.
 * @param {any} texts @param {any} edition @param {any[]} members
 */
export function tierRows(texts, edition, members) {
  return members.map((member) => {
    const row = element("tr");
    const city = element("th", null, member.label);
    city.setAttribute("scope", "row");
    row.append(
      city,
      element("td", null, tierText(texts, edition, member.self)),
      element("td", null, tierText(texts, edition, member.backed)),
      element("td", "wwc-cohort-source", member.candidate.source),
    );
    return row;
  });
}

/** @param {any} texts @param {{city: string, state: string, title: string, href: string}[]} studies */
function caseStudies(texts, studies) {
  if (!studies.length) {
    return element("p", "wwc-cohort-studies", texts.case_studies_none);
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
  block.append(element("p", null, texts.case_studies), list);
  return block;
}

/**
 * The list items of the most-missed criteria (lib/cohort.js mostMissed), each with its case studies.
 * @param {any} texts @param {any} edition @param {Record<string, any>} criteria the page's criterion data
 * @param {{id: string, count: number}[]} missed @param {number} cities
 */
export function missedItems(texts, edition, criteria, missed, cities) {
  if (!missed.length) {
    return [element("li", null, format(texts.missed_none, { item: edition.item_label }))];
  }
  return missed.map((entry) => {
    const about = hasOwn(criteria, entry.id) ? criteria[entry.id] : { title: "", href: "", case_studies: [] };
    const item = element("li");
    item.setAttribute("data-wwc-criterion", entry.id);
    const link = element(
      "a",
      null,
      formatCount(texts.missed_item, cities, { id: entry.id, title: about.title, count: entry.count, cities }),
    );
    link.href = about.href;
    item.append(link, caseStudies(texts, about.case_studies));
    return item;
  });
}
