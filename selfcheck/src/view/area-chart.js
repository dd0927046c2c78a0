/*
 * Bar charts per practice area (SVG from DOM APIs, view/svg.js): the area scores with the average of
 * all applicants marked (Results and the printed report), and two assessments side by side (Compare).
 * Each bar carries its figure as text, and the second series is hatched, so nothing is told by
 * colour alone; the chart's label names the table or list that holds the same figures.
 */

import { format } from "../lib/format.js";
import { element } from "./dom.js";
import { chartRoot, hatch, svgElement } from "./svg.js";

// Narrow on purpose: the words go under each bar, so the chart reads on a 360 px phone too.
const WIDTH = 360;
const LEFT = 4;
const BAR_WIDTH = 352;
const BAR_HEIGHT = 12;
const NAME_HEIGHT = 16;
const LINE_HEIGHT = 16;

/**
 * @typedef {{name: string, values: number[], texts: string[], average: number | null, averageText?: string}} Row
 *   values: shares from 0 to 100, one per series; texts: each value as words under its bar
 */

/**
 * @param {Row[]} rows
 * @param {{label: string, className: string, uid: string, series: number}} options label: "" hides the
 *   chart from assistive technology (the page has the same figures as text next to it)
 */
export function barChart(rows, options) {
  const seriesHeight = BAR_HEIGHT + 2 + LINE_HEIGHT;
  const rowHeight = NAME_HEIGHT + options.series * seriesHeight + 10;
  const height = rows.length * rowHeight + 4;
  const svg = chartRoot(WIDTH, height, `wwc-chart ${options.className}`, options.label);
  if (!options.label) {
    svg.removeAttribute("role");
    svg.removeAttribute("aria-label");
    svg.setAttribute("aria-hidden", "true");
  }
  const hatchId = `${options.uid}-second`;
  const defs = svgElement("defs");
  defs.append(hatch(hatchId, -45));
  svg.append(defs);
  rows.forEach((row, index) => {
    const top = index * rowHeight;
    const group = svgElement("g", { class: "wwc-chart-row" });
    group.append(svgElement("text", { x: LEFT, y: top + 13, class: "wwc-chart-label wwc-chart-name" }, row.name));
    const hasAverage = row.average !== null && row.average !== undefined;
    row.values.forEach((value, series) => {
      const y = top + NAME_HEIGHT + series * seriesHeight;
      const width = Math.max((BAR_WIDTH * Math.min(Math.max(value, 0), 100)) / 100, 0);
      group.append(svgElement("rect", { x: LEFT, y, width: BAR_WIDTH, height: BAR_HEIGHT, class: "wwc-chart-track" }));
      const bar = svgElement("rect", {
        x: LEFT,
        y,
        width,
        height: BAR_HEIGHT,
        class: series === 0 ? "wwc-chart-done" : "wwc-chart-planned",
        "data-wwc-value": value,
      });
      if (series > 0) {
        bar.setAttribute("fill", `url(#${hatchId})`);
      }
      // The words under the bar; the first series' line also names the average the mark shows.
      const words = series === 0 && hasAverage ? `${row.texts[series]} | ${row.averageText || ""}` : row.texts[series];
      group.append(
        bar,
        svgElement("text", { x: LEFT, y: y + BAR_HEIGHT + LINE_HEIGHT - 2, class: "wwc-chart-label" }, words),
      );
    });
    if (hasAverage) {
      const x = LEFT + (BAR_WIDTH * /** @type {number} */ (row.average)) / 100;
      const y = top + NAME_HEIGHT - 2;
      group.append(svgElement("line", { x1: x, y1: y, x2: x, y2: y + BAR_HEIGHT + 4, class: "wwc-chart-average" }));
    }
    svg.append(group);
  });
  return svg;
}

/**
 * The area scores of a result (lib/scoring.js score()) with each group's average of all applicants.
 * @param {any} edition
 * @param {any} result
 * @param {{label: string, yours: string, average: string, uid: string}} words
 */
export function areasChart(edition, result, words) {
  const rows = result.groups.map((/** @type {any} */ group, /** @type {number} */ index) => {
    const average = typeof group.average_percent === "number" ? group.average_percent : null;
    return {
      name: edition.groups[index].name,
      values: [(100 * group.met) / Math.max(group.total, 1)],
      texts: [`${words.yours}: ${group.percent}% (${group.met} / ${group.total})`],
      average,
      averageText: average === null ? "" : `${words.average}: ${average}%`,
    };
  });
  return barChart(rows, { label: words.label, className: "wwc-areas-chart", uid: words.uid, series: 1 });
}

/**
 * The area chart of a result as a figure: labelled for assistive technology (pointing to the table
 * next to it), or hidden from it when the same figures are text beside it (`hidden`).
 * @param {any} sc the controller (texts, edition)
 * @param {any} result
 * @param {string} uid
 * @param {boolean} [hidden]
 */
export function areasFigure(sc, result, uid, hidden) {
  const texts = sc.texts;
  const figure = element("figure", "wwc-sc-areas-figure");
  figure.append(
    areasChart(sc.edition, result, {
      label: hidden ? "" : format(texts.areas_chart_label, { group: sc.edition.group_label.toLowerCase() }),
      yours: texts.areas_chart_yours,
      average: texts.areas_chart_average,
      uid,
    }),
  );
  return figure;
}

/**
 * Two assessments per group (lib/merge.js compare() groups), the first solid, the second hatched.
 * @param {any} edition
 * @param {any[]} groups [{from: {met, total}, to: {met, total}}]
 * @param {{label: string, first: string, second: string, uid: string}} words
 */
export function compareChart(edition, groups, words) {
  const short = (/** @type {string} */ name) => (name.length > 30 ? `${name.slice(0, 29)}…` : name);
  const share = (/** @type {any} */ side) => (100 * side.met) / Math.max(side.total, 1);
  const rows = groups.map((group, index) => ({
    name: edition.groups[index].name,
    values: [share(group.from), share(group.to)],
    texts: [
      `${short(words.first)}: ${group.from.met} / ${group.from.total}`,
      `${short(words.second)}: ${group.to.met} / ${group.to.total}`,
    ],
    average: null,
  }));
  return barChart(rows, { label: words.label, className: "wwc-compare-chart", uid: words.uid, series: 2 });
}
