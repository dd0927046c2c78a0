/*
 * The coordinator's list of requests (parts/request-maker.js): each request with who made it, its
 * criteria, its note and its state (sent, answered, merged). Text goes in as text only.
 */

import { format } from "../lib/format.js";
import { headRow, scrollBox } from "./controls.js";
import { element } from "./dom.js";

/**
 * A request's state in words.
 * @param {import("../lib/requests.js").ListedRequest} request
 * @param {Record<string, string>} t the texts
 */
function stateText(request, t) {
  if (request.state === "merged") {
    return format(t.request_state_merged, { date: String(request.merged).slice(0, 10), who: request.mergedBy || "" });
  }
  if (request.state === "answered") {
    return format(t.request_state_answered, { date: String(request.answered).slice(0, 10) });
  }
  return t.request_state_sent;
}

/**
 * The list's heading and its table (newest first), or a sentence when there is none.
 * @param {import("../lib/requests.js").ListedRequest[]} list
 * @param {Record<string, string>} t the texts
 * @param {string} idPrefix the owning part's root id
 * @returns {HTMLElement[]}
 */
export function requestListNodes(list, t, idPrefix) {
  const heading = element("h3", null, t.requests_list_heading);
  heading.id = `${idPrefix}-list-heading`;
  if (!list.length) {
    return [heading, element("p", null, t.requests_list_empty)];
  }
  const table = element("table", "wwc-sc-table wwc-sc-request-table");
  table.append(element("caption", null, t.requests_list_caption));
  table.append(
    headRow([
      t.requests_col_created,
      t.requests_col_from,
      t.requests_col_criteria,
      t.requests_col_note,
      t.requests_col_state,
    ]),
  );
  const body = element("tbody");
  for (const request of list.slice().reverse()) {
    const row = element("tr");
    row.setAttribute("data-wwc-request", request.id);
    row.setAttribute("data-wwc-state", request.state);
    row.append(
      element("td", null, String(request.created).slice(0, 10)),
      element("td", null, request.from),
      element("td", null, request.criteria.join(", ")),
      element("td", null, request.note),
      element("td", `wwc-sc-request-state wwc-sc-request-${request.state}`, stateText(request, t)),
    );
    body.append(row);
  }
  table.append(body);
  return [heading, scrollBox(table, t.requests_list_caption)];
}
