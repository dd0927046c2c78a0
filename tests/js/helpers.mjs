/* Test editions in the shape the page embeds (macros/selfcheck.py payload_edition). */

const ANSWER_STATES = [
  { id: "yes", label: "Yes", met: true },
  { id: "in-progress", label: "In progress", met: false },
  { id: "no", label: "No", met: false },
];

const TIERS = [
  { id: "silver", name: "Silver", min_percent: 51 },
  { id: "gold", name: "Gold", min_percent: 67 },
  { id: "platinum", name: "Platinum", min_percent: 85 },
];

/* groups: [[groupId, idPrefix, size, average|null], ...] */
function makeEdition(groups, overrides) {
  return Object.assign(
    {
      id: "test-edition",
      answer_states: ANSWER_STATES,
      tiers: TIERS,
      display: { overall_decimals: 1, group_decimals: 0 },
      groups: groups.map(([id, prefix, size, average]) => {
        const criteria = [];
        for (let n = 1; n <= size; n += 1) {
          criteria.push({ id: prefix + n });
        }
        return {
          id: id,
          name: id,
          benchmark: average === null ? null : { all_applicants_percent: average, source: "test" },
          criteria: criteria,
        };
      }),
    },
    overrides || {},
  );
}

/* The structure of the 45-criteria assessment as the sample certification report shows it. */
function assessment45() {
  return makeEdition(
    [
      ["data-governance", "DG", 5, 19],
      ["evaluations", "EVAL", 5, 11],
      ["general-management", "GM", 9, 33],
      ["open-data", "OD", 4, 47],
      ["performance-analytics", "PA", 7, 32],
      ["repurposing", "RP", 4, 17],
      ["results-driven-contracting", "RDC", 7, 7],
      ["stakeholder-engagement", "SE", 4, 27],
    ],
    { id: "assessment-45" },
  );
}

/* Answer the first `met[groupId]` criteria of each group Yes and every other one `rest`. */
function answersMeeting(edition, met, rest) {
  const answers = {};
  edition.groups.forEach((group) => {
    group.criteria.forEach((criterion, index) => {
      answers[criterion.id] = index < (met[group.id] || 0) ? "yes" : rest;
    });
  });
  return answers;
}

/* The sample report's city: 28 of 45. */
const SAMPLE_REPORT_MET = {
  "data-governance": 5,
  evaluations: 2,
  "general-management": 7,
  "open-data": 4,
  "performance-analytics": 6,
  repurposing: 1,
  "results-driven-contracting": 1,
  "stakeholder-engagement": 2,
};

/* The first n criteria of the edition, in order, answered Yes. */
function firstYes(edition, n) {
  const answers = {};
  let count = 0;
  edition.groups.forEach((group) => {
    group.criteria.forEach((criterion) => {
      if (count < n) {
        answers[criterion.id] = "yes";
        count += 1;
      }
    });
  });
  return answers;
}

/* A localStorage stand-in whose writes can be made to fail (failWrite), as a full storage does. */
function memory() {
  const items = new Map();
  return {
    items,
    failWrite: false,
    getItem: (k) => (items.has(k) ? items.get(k) : null),
    setItem(k, v) {
      if (this.failWrite) throw new Error("full");
      items.set(k, String(v));
    },
    removeItem: (k) => items.delete(k),
  };
}

export { memory, ANSWER_STATES, TIERS, makeEdition, assessment45, answersMeeting, firstYes, SAMPLE_REPORT_MET };
