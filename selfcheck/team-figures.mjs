/*
 * The figures of team work the bench reports (issue 25): the stored size of a simulated year of
 * history, and the longest request link for a 45-criteria assessment with evidence on every
 * criterion, and of the reply that changes every one of them. Deterministic; about a second.
 *
 *   node selfcheck/team-figures.mjs [--email-chars N]   print them as JSON; with the share
 *   settings' email_chars (macros/selfcheck-assessments.yml, which the bench reads), also whether
 *   the link fits in an email
 */
import { fileURLToPath } from "node:url";
import * as history from "./src/lib/history.js";
import { simulateYear } from "./src/lib/history-year.js";
import * as links from "./src/lib/request-links.js";
import * as requests from "./src/lib/requests.js";

/* The criteria of the 45-criteria assessment: group prefixes and sizes as in the sample
   certification report (tests/js/helpers.mjs builds the same structure). */
const GROUPS_45 = [
  ["DG", 5],
  ["EVAL", 5],
  ["GM", 9],
  ["OD", 4],
  ["PA", 7],
  ["RP", 4],
  ["RDC", 7],
  ["SE", 4],
];
const PAGE = "https://guide.example/self-check/";

/* Every criterion answered, three items ticked, notes, owner, due date and a link. */
function fullAssessment() {
  const assessment = { id: "a-figures", name: "2026 application", edition: "assessment-45", city: "Springfield" };
  const answers = {};
  const evidence = {};
  GROUPS_45.forEach(([prefix, size]) => {
    for (let n = 1; n <= size; n += 1) {
      const id = `${prefix}${n}`;
      const slug = id.toLowerCase();
      answers[id] = "in-progress";
      evidence[id] = {
        items: [`${slug}-policy-published-online`, `${slug}-updated-past-12-months`, `${slug}-copy-of-the-document`],
        notes: `Ask the ${id} team for the signed copy; the draft is on the shared drive.`,
        owner: "Data office",
        due: "2026-05-01",
        links: [{ text: "Policy", url: `https://example.org/${slug}` }],
      };
    }
  });
  return Object.assign(assessment, { answers, evidence });
}

/** The largest request: every criterion of the 45, with all its evidence. */
async function largestRequest() {
  const assessment = fullAssessment();
  const made = requests.makeRequest({
    assessment,
    criteria: Object.keys(assessment.answers),
    note: "Please check the answers and evidence of your criteria before the audit.",
    from: "Coordinator",
    now: new Date("2026-04-01T09:00:00.000Z"),
    id: "r-figures",
  });
  if (!made.ok) {
    throw new Error(`request refused: ${made.error.code}`);
  }
  const link = `${PAGE}#request=${await links.encodeMessage(made.request)}`;
  return { request: made.request, link };
}

/** The largest reply to it: every criterion's answer, ticks and notes changed by the department. */
async function largestReply(request) {
  const answers = {};
  const evidence = {};
  request.criteria.forEach((id) => {
    answers[id] = "yes";
    const before = request.base.evidence[id];
    evidence[id] = Object.assign({}, before, {
      items: before.items.slice(0, 2),
      notes: `${before.notes} Signed copy attached by the department.`,
    });
  });
  const made = requests.makeReply({
    request,
    answers,
    evidence,
    who: "Data team",
    now: new Date("2026-04-08T09:00:00.000Z"),
  });
  if (!made.ok) {
    throw new Error(`reply refused: ${made.error.code}`);
  }
  return { reply: made.reply, link: `${PAGE}#reply=${await links.encodeMessage(made.reply)}` };
}

/** @param {number} [emailChars] the share settings' email_chars */
async function teamFigures(emailChars) {
  const year = simulateYear();
  const { request, link } = await largestRequest();
  const replied = await largestReply(request);
  const figures = {
    history_year: {
      changes: year.changes,
      entries_kept: year.entries,
      entries_folded: year.folded,
      summaries: year.summaries,
      stored_chars: year.chars,
      stored_bytes_utf8: year.bytes,
      budget_chars: history.BUDGET.chars,
    },
    request_45: {
      criteria: request.criteria.length,
      link_chars: link.length,
      file_chars: links.messageFile(request).length,
    },
    reply_45: {
      criteria: replied.reply.criteria.length,
      history_entries: replied.reply.history.entries.length,
      link_chars: replied.link.length,
      file_chars: links.messageFile(replied.reply).length,
    },
  };
  if (emailChars) {
    figures.request_45.fits_in_email = links.fitsInEmail(link, emailChars);
    figures.reply_45.fits_in_email = links.fitsInEmail(replied.link, emailChars);
  }
  return figures;
}

export { fullAssessment, largestRequest, largestReply, teamFigures };

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const at = process.argv.indexOf("--email-chars");
  console.log(JSON.stringify(await teamFigures(at === -1 ? undefined : Number(process.argv[at + 1])), null, 1));
}
