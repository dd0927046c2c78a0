/*
 * SVG built with DOM APIs (createElementNS, textContent, setAttribute), for the charts: no markup
 * strings, no library. Colours are left to CSS classes (currentColor and the self-check's
 * variables), so a chart follows the colour scheme and prints in black on white.
 */

const SVG_NS = "http://www.w3.org/2000/svg";

/**
 * An SVG element with attributes (numbers rounded to 0.1) and, optionally, text.
 * @param {string} tag
 * @param {Record<string, string | number>} [attributes]
 * @param {string} [text]
 * @returns {SVGElement}
 */
export function svgElement(tag, attributes, text) {
  const node = document.createElementNS(SVG_NS, tag);
  for (const [name, value] of Object.entries(attributes || {})) {
    node.setAttribute(name, typeof value === "number" ? String(Math.round(value * 10) / 10) : value);
  }
  if (text !== undefined) {
    node.textContent = text;
  }
  return node;
}

/**
 * The chart's root: scales with its container, a fixed coordinate space, and either hidden from
 * assistive technology (the table beside it has the figures) or an image whose label says so.
 * @param {number} width
 * @param {number} height
 * @param {string} className
 * @param {string} label
 */
export function chartRoot(width, height, className, label) {
  const svg = svgElement("svg", {
    viewBox: `0 0 ${width} ${height}`,
    class: className,
    role: "img",
    "aria-label": label,
    preserveAspectRatio: "xMinYMin meet",
  });
  return svg;
}

/**
 * A hatch pattern (diagonal lines in currentColor), so a filled area is told apart without colour.
 * @param {string} id
 * @param {number} angle
 */
export function hatch(id, angle) {
  const pattern = svgElement("pattern", {
    id,
    width: 6,
    height: 6,
    patternUnits: "userSpaceOnUse",
    patternTransform: `rotate(${angle})`,
  });
  pattern.append(svgElement("line", { x1: 0, y1: 0, x2: 0, y2: 6, class: "wwc-chart-hatch" }));
  return pattern;
}

/**
 * A table of figures (the chart's words): caption, header row, rows of cells.
 * @param {string} caption
 * @param {string[]} headings
 * @param {(string | number)[][]} rows
 * @param {string} className
 */
export function figureTable(caption, headings, rows, className) {
  const table = document.createElement("table");
  table.className = className;
  const captionNode = document.createElement("caption");
  captionNode.textContent = caption;
  const head = document.createElement("thead");
  const headRow = document.createElement("tr");
  for (const text of headings) {
    const cell = document.createElement("th");
    cell.scope = "col";
    cell.textContent = text;
    headRow.append(cell);
  }
  head.append(headRow);
  const body = document.createElement("tbody");
  for (const values of rows) {
    const row = document.createElement("tr");
    values.forEach((value, index) => {
      const cell = document.createElement(index === 0 ? "th" : "td");
      if (index === 0) {
        cell.setAttribute("scope", "row");
      }
      cell.textContent = String(value);
      row.append(cell);
    });
    body.append(row);
  }
  table.append(captionNode, head, body);
  return table;
}
