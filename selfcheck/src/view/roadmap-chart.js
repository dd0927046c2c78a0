/*
 * The roadmap as a chart and a table (lib/roadmap.js roadmap()): the evidence-backed share from
 * today to the application date as stacked steps (done: solid, planned: hatched), each day evidence
 * expires marked with a cross and a label, the tiers' thresholds (from the edition, never typed
 * here) as dashed lines with their names. The table holds the same figures for screen readers; the
 * chart's label points to it. Pure view: roadmap in, nodes out.
 */

import { format } from "../lib/format.js";
import { chartRoot, figureTable, hatch, svgElement } from "./svg.js";

const WIDTH = 560;
const HEIGHT = 280;
const LEFT = 44;
const RIGHT = 104;
const TOP = 14;
const BOTTOM = 44;

/** Days from a to b (YYYY-MM-DD). @param {string} a @param {string} b */
function daysBetween(a, b) {
  const time = (/** @type {string} */ text) => Date.UTC(+text.slice(0, 4), +text.slice(5, 7) - 1, +text.slice(8, 10));
  return Math.round((time(b) - time(a)) / 86400000);
}

/**
 * @param {any} plan lib/roadmap.js roadmap() result (ok)
 * @param {{texts: Record<string, string>, tiers: any[], tierName: (id: string | null) => string, application: string, uid: string}} options
 */
export function roadmapChart(plan, options) {
  const { texts, tiers, application } = options;
  const today = plan.steps[0].date;
  const span = Math.max(daysBetween(today, application), 1);
  const plotWidth = WIDTH - LEFT - RIGHT;
  const plotHeight = HEIGHT - TOP - BOTTOM;
  const x = (/** @type {string} */ date) => LEFT + (plotWidth * daysBetween(today, date)) / span;
  const y = (/** @type {number} */ count) => TOP + plotHeight - (plotHeight * count) / Math.max(plan.total, 1);
  const svg = chartRoot(WIDTH, HEIGHT, "wwc-chart wwc-roadmap-chart", format(texts.chart_label, { application }));
  const defs = svgElement("defs");
  const hatchId = `${options.uid}-planned`;
  defs.append(hatch(hatchId, 45));
  svg.append(defs);
  // Axes: the share from 0 to 100%, and time from today to the application date.
  svg.append(
    svgElement("line", { x1: LEFT, y1: TOP, x2: LEFT, y2: TOP + plotHeight, class: "wwc-chart-axis" }),
    svgElement("line", {
      x1: LEFT,
      y1: TOP + plotHeight,
      x2: LEFT + plotWidth,
      y2: TOP + plotHeight,
      class: "wwc-chart-axis",
    }),
    svgElement("text", { x: LEFT - 6, y: TOP + plotHeight, class: "wwc-chart-label", "text-anchor": "end" }, "0%"),
    svgElement("text", { x: LEFT - 6, y: TOP + 8, class: "wwc-chart-label", "text-anchor": "end" }, "100%"),
    svgElement("text", { x: LEFT, y: HEIGHT - 24, class: "wwc-chart-label" }, today),
    svgElement(
      "text",
      { x: LEFT + plotWidth, y: HEIGHT - 24, class: "wwc-chart-label", "text-anchor": "end" },
      application,
    ),
  );
  // Stacked steps: each step lasts until the next one (the last one until the application date).
  plan.steps.forEach((/** @type {any} */ step, /** @type {number} */ index) => {
    const next = index + 1 < plan.steps.length ? plan.steps[index + 1].date : application;
    const left = x(step.date);
    const width = Math.max(x(next) - left, index + 1 < plan.steps.length ? 0 : 2);
    svg.append(
      svgElement("rect", { x: left, y: y(step.done), width, height: y(0) - y(step.done), class: "wwc-chart-done" }),
      svgElement("rect", {
        x: left,
        y: y(step.done + step.planned),
        width,
        height: y(step.done) - y(step.done + step.planned),
        class: "wwc-chart-planned",
        fill: `url(#${hatchId})`,
      }),
    );
    const before = index > 0 ? plan.steps[index - 1].expired : 0;
    if (step.expired > before) {
      const mark = svgElement("g", { class: "wwc-chart-expired" });
      const cx = x(step.date);
      const cy = y(step.done + step.planned);
      mark.append(
        svgElement("path", { d: `M${cx - 5} ${cy - 5}L${cx + 5} ${cy + 5}M${cx - 5} ${cy + 5}L${cx + 5} ${cy - 5}` }),
        svgElement("text", { x: cx + 7, y: cy - 7, class: "wwc-chart-label" }, `${texts.chart_expired} ${step.date}`),
      );
      svg.append(mark);
    }
  });
  // Thresholds: a dashed line and the tier's name at its share.
  tiers.forEach((tier) => {
    const level = TOP + plotHeight - (plotHeight * tier.min_percent) / 100;
    svg.append(
      svgElement("line", { x1: LEFT, y1: level, x2: LEFT + plotWidth, y2: level, class: "wwc-chart-threshold" }),
      svgElement(
        "text",
        { x: LEFT + plotWidth + 6, y: level + 4, class: "wwc-chart-label", "data-wwc-tier": tier.id },
        `${tier.name} ${tier.min_percent}%`,
      ),
    );
  });
  // The legend: words beside swatches that differ by pattern, not by colour alone.
  const legend = svgElement("g", { class: "wwc-chart-legend" });
  const entries = [
    ["wwc-chart-done", "", texts.chart_done],
    ["wwc-chart-planned", `url(#${hatchId})`, texts.chart_planned],
  ];
  entries.forEach(([className, fill, label], index) => {
    const left = LEFT + index * 120;
    const swatch = svgElement("rect", { x: left, y: HEIGHT - 14, width: 14, height: 10, class: className });
    if (fill) {
      swatch.setAttribute("fill", fill);
    }
    legend.append(swatch, svgElement("text", { x: left + 20, y: HEIGHT - 5, class: "wwc-chart-label" }, label));
  });
  svg.append(legend);
  return svg;
}

/**
 * The roadmap's figures as a table: one row per day the share changes, and the application date.
 * @param {any} plan
 * @param {{texts: Record<string, string>, tierName: (id: string | null) => string}} options
 */
export function roadmapTable(plan, options) {
  const { texts, tierName } = options;
  const rows = plan.steps.concat(
    plan.steps[plan.steps.length - 1].date === plan.onApplication.date ? [] : [plan.onApplication],
  );
  return figureTable(
    texts.chart_table_caption,
    [
      texts.chart_date_column,
      texts.chart_done_column,
      texts.chart_planned_column,
      texts.chart_expired_column,
      texts.chart_share_column,
      texts.chart_tier_column,
    ],
    rows.map((/** @type {any} */ step) => [
      step.date,
      step.done,
      step.planned,
      step.expired,
      `${step.percent}%`,
      tierName(step.tier),
    ]),
    "wwc-sc-roadmap-table",
  );
}
