/* Unit tests of selfcheck/src/lib/windows.js: requirement windows against an application date. */
import test from "node:test";
import assert from "node:assert/strict";

import * as windows from "../../selfcheck/src/lib/windows.js";

const PAST_12 = { anchor: "past", months: 12, wording: "in the past 12 months" };
const PAST_24 = { anchor: "past", months: 24 };
const PAST_36_OR_ADMIN = { anchor: "past", months: 36, or_current_administration: true };

function check(window, evidence, application, extra) {
  return windows.checkWindow(Object.assign({ window, evidence, application, today: "2026-12-07" }, extra || {}));
}

function day(text) {
  return windows.parseDay(text);
}

test("months before a day keep the day of the month, or the month's last day when it is shorter", () => {
  const cases = [
    ["2027-03-31", -12, "2026-03-31"],
    ["2027-03-31", -1, "2027-02-28"],
    ["2028-03-31", -1, "2028-02-29"],
    ["2028-02-29", -12, "2027-02-28"],
    ["2028-02-29", -48, "2024-02-29"],
    ["2026-01-15", -1, "2025-12-15"],
    ["2026-12-31", 2, "2027-02-28"],
    ["2026-05-31", -1, "2026-04-30"],
  ];
  for (const [from, months, expected] of cases) {
    assert.equal(windows.formatDay(windows.addMonths(day(from), months)), expected, `${from} ${months}`);
  }
});

test("parseDay takes real calendar days only", () => {
  assert.deepEqual(day("2028-02-29"), { y: 2028, m: 2, d: 29 });
  for (const bad of [
    "2027-02-29",
    "1900-02-29",
    "2026-13-01",
    "2026-00-10",
    "2026-04-31",
    "2026-4-1",
    "",
    null,
    20260101,
  ]) {
    assert.equal(day(bad), null, String(bad));
  }
  assert.deepEqual(day("2000-02-29"), { y: 2000, m: 2, d: 29 });
});

test("past 12 months: inside up to the same day a year later, outside from the next day", () => {
  const onTheDay = check(PAST_12, "2026-03-31", "2027-03-31", { today: "2026-04-01" });
  assert.equal(onTheDay.ok, true);
  assert.equal(onTheDay.inside, true);
  assert.equal(onTheDay.start, "2026-03-31");
  assert.equal(onTheDay.firstOutside, "2027-04-01");
  const dayAfter = check(PAST_12, "2026-03-31", "2027-04-01", { today: "2026-04-01" });
  assert.equal(dayAfter.inside, false);
  assert.equal(dayAfter.firstOutside, "2027-04-01");
  assert.equal(dayAfter.basis, "months");
});

test("month ends: the first day outside is where the window's start passes the evidence, not E + N months + 1", () => {
  // 2024-02-29 + 12 months is 2025-02-28; the window of 2025-02-28 starts 2024-02-28, so still inside.
  assert.equal(windows.formatDay(windows.firstDayOutside(day("2024-02-29"), 12)), "2025-03-01");
  // 2026-02-28 with 24 months: on 2028-02-29 the window starts 2026-02-28 (Feb 29 2026 does not exist).
  assert.equal(windows.formatDay(windows.firstDayOutside(day("2026-02-28"), 24)), "2028-03-01");
  // 2026-01-31 + 1 month: Feb 28 starts at Jan 28, Mar 1..3 start at Feb 1..3 > Jan 31.
  assert.equal(windows.formatDay(windows.firstDayOutside(day("2026-01-31"), 1)), "2026-03-01");
  assert.equal(windows.formatDay(windows.firstDayOutside(day("2026-08-31"), 1)), "2026-10-01");
  assert.equal(windows.formatDay(windows.firstDayOutside(day("2026-03-15"), 12)), "2027-03-16");
});

test("checkWindow across a leap day and over a year end", () => {
  const leap = check(PAST_24, "2026-02-28", "2028-02-29", { today: "2026-03-01" });
  assert.equal(leap.inside, true);
  assert.equal(leap.start, "2026-02-28");
  assert.equal(leap.firstOutside, "2028-03-01");
  const yearEnd = check(PAST_12, "2026-12-31", "2027-12-31", { today: "2026-12-31" });
  assert.deepEqual([yearEnd.inside, yearEnd.firstOutside], [true, "2028-01-01"]);
});

test("current administration: evidence from its start stays inside; without the start only the months count", () => {
  const admin = check(PAST_36_OR_ADMIN, "2022-02-01", "2027-06-30", { administration: "2022-01-01" });
  assert.deepEqual([admin.ok, admin.inside, admin.firstOutside, admin.basis], [true, true, null, "administration"]);
  assert.equal(admin.start, "2022-01-01");
  const noStart = check(PAST_36_OR_ADMIN, "2024-02-01", "2027-06-30");
  assert.deepEqual([noStart.inside, noStart.firstOutside, noStart.administration], [false, "2027-02-02", "not-given"]);
  const beforeAdmin = check(PAST_36_OR_ADMIN, "2024-02-01", "2027-06-30", { administration: "2025-01-01" });
  assert.deepEqual([beforeAdmin.basis, beforeAdmin.inside, beforeAdmin.administration], ["months", false, "given"]);
  const notAsked = check(PAST_12, "2026-02-01", "2026-12-31", { administration: "2020-01-01" });
  assert.deepEqual([notAsked.basis, notAsked.administration, notAsked.inside], ["months", "not-asked", true]);
});

test("next and most-recent windows do not depend on the evidence's own date", () => {
  const next = check({ anchor: "next", months: 12, from_months: 6 }, "2026-01-01", "2027-12-31");
  assert.deepEqual([next.ok, next.inside, next.firstOutside, next.basis], [true, true, null, "listed-items"]);
  const recent = check({ anchor: "most-recent" }, "2019-05-01", "2027-12-31");
  assert.deepEqual([recent.ok, recent.inside, recent.firstOutside, recent.basis], [true, true, null, "most-recent"]);
});

test("each bad input is refused with its reason", () => {
  const cases = [
    [check(PAST_12, "2027-01-01", "2027-06-01"), "future-evidence", "2027-01-01"],
    [check(PAST_12, "2025-12-06", "2027-06-01"), "before-window", "2025-12-07"],
    [check(PAST_12, "2026-06-01", "2026-12-06"), "application-in-past", "2026-12-06"],
    [check(PAST_12, "2026-02-30", "2027-06-01"), "malformed-date", "evidence"],
    [check(PAST_12, "2026-06-01", "27-06-01"), "malformed-date", "application"],
    [check(PAST_12, "2026-06-01", "2027-06-01", { today: "today" }), "malformed-date", "today"],
    [
      check(PAST_36_OR_ADMIN, "2026-06-01", "2027-06-01", { administration: "2026-02-29" }),
      "malformed-date",
      "administration",
    ],
    [
      check(PAST_36_OR_ADMIN, "2026-06-01", "2027-06-01", { administration: "2027-01-01" }),
      "administration-in-future",
      "2027-01-01",
    ],
    [
      check({ anchor: "past" }, "2026-06-01", "2027-06-01"),
      "malformed-window",
      "a past window needs months, a whole number from 1",
    ],
    [
      check({ anchor: "later", months: 3 }, "2026-06-01", "2027-06-01"),
      "malformed-window",
      "anchor must be one of past, next, most-recent",
    ],
    [
      check({ anchor: "next", months: 6, from_months: 12 }, "2026-06-01", "2027-06-01"),
      "malformed-window",
      "from_months must be a whole number from 0, not above months",
    ],
    [
      check({ anchor: "past", months: 12, or_current_administration: "yes" }, "2026-06-01", "2027-06-01"),
      "malformed-window",
      "or_current_administration must be true or false",
    ],
    [check(null, "2026-06-01", "2027-06-01"), "malformed-window", "a window must be an object"],
  ];
  for (const [outcome, code, detail] of cases) {
    assert.equal(outcome.ok, false, code);
    assert.deepEqual(outcome.error, { code, detail });
  }
});

test("an application date of today is allowed; evidence of today is inside", () => {
  const outcome = check(PAST_12, "2026-12-07", "2026-12-07");
  assert.deepEqual([outcome.ok, outcome.inside, outcome.firstOutside], [true, true, "2027-12-08"]);
});
