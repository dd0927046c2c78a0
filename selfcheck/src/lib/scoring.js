/*
 * Scoring of a self-check: the same rules as macros/scoring.py, with no DOM.
 *
 * Every rule comes from the edition's data (answer states, tiers, display precision). Shares
 * are compared exactly with integer arithmetic (met * 100 >= min_percent * total, with
 * min_percent read as the exact decimal it is written as), so 30 of 45 is 66.7% and stays
 * below a 67% tier, and this file and the Python cannot disagree through floating point.
 * Percentages are rounded half up, as the certification report prints them (7 of 9 is 78%).
 *
 */
import { hasOwn } from "./keys.js";
function criterionIds(group) {
  return group.criteria.map((criterion) => criterion.id);
}

function editionTotal(edition) {
  return edition.groups.reduce((sum, group) => sum + group.criteria.length, 0);
}

function metStates(edition) {
  return edition.answer_states.filter((state) => state.met).map((state) => state.id);
}

/* A percentage as an exact fraction {num, den} of BigInts, read from its shortest decimal
   text (as Python's Fraction(str(x)) does), so 66.7 means 667/10, not the nearest double. */
function exactDecimal(value) {
  const match = /^(\d+)(?:\.(\d+))?(?:e([+-]?\d+))?$/i.exec(String(value));
  if (!match) {
    throw new Error(`not a non-negative decimal: ${value}`);
  }
  const fraction = match[2] || "";
  const exponent = parseInt(match[3] || "0", 10) - fraction.length;
  let num = BigInt(match[1] + fraction);
  let den = BigInt(1);
  if (exponent >= 0) {
    num *= BigInt(10) ** BigInt(exponent);
  } else {
    den = BigInt(10) ** BigInt(-exponent);
  }
  return { num: num, den: den };
}

function reaches(met, total, minPercent) {
  const share = exactDecimal(minPercent);
  return total > 0 && BigInt(met) * BigInt(100) * share.den >= share.num * BigInt(total);
}

/* Smallest number of criteria met that reaches minPercent of total (a ceiling division). */
function minMetFor(total, minPercent) {
  const share = exactDecimal(minPercent);
  const num = share.num * BigInt(total);
  const den = share.den * BigInt(100);
  return Number((num + den - BigInt(1)) / den);
}

/* The highest tier reached; on equal thresholds the first listed, as Python's max() does. */
function tierFor(met, total, tiers) {
  let best = null;
  tiers.forEach((tier) => {
    if (reaches(met, total, tier.min_percent) && (best === null || tier.min_percent > best.min_percent)) {
      best = tier;
    }
  });
  return best;
}

/* part/whole as a percentage rounded half up to `decimals` places, as text. */
function roundedPercent(part, whole, decimals) {
  if (whole === 0) {
    return (0).toFixed(decimals);
  }
  const scale = 10 ** decimals;
  const scaled = Math.floor((part * 100 * scale * 2 + whole) / (whole * 2));
  const wholePart = Math.floor(scaled / scale);
  const fraction = scaled % scale;
  if (!decimals) {
    return String(wholePart);
  }
  return `${wholePart}.${String(fraction).padStart(decimals, "0")}`;
}

function nextTier(met, total, tiers) {
  const higher = tiers
    .filter((tier) => !reaches(met, total, tier.min_percent))
    .sort((a, b) => a.min_percent - b.min_percent);
  if (!higher.length) {
    return null;
  }
  return { id: higher[0].id, more_needed: minMetFor(total, higher[0].min_percent) - met };
}

function scoreGroup(group, answers, metIds, decimals) {
  const ids = criterionIds(group);
  const met = ids.filter((id) => hasOwn(answers, id) && metIds.indexOf(answers[id]) !== -1).length;
  const answered = ids.filter((id) => hasOwn(answers, id)).length;
  return {
    answered: answered,
    result: {
      id: group.id,
      met: met,
      total: ids.length,
      percent: roundedPercent(met, ids.length, decimals),
      average_percent: group.benchmark ? group.benchmark.all_applicants_percent : null,
    },
  };
}

/* Score `answers` (criterion id -> answer state id) against `edition`.
   Answers to ids the edition does not have are ignored; the caller reports them. */
function score(edition, answers) {
  const metIds = metStates(edition);
  const display = edition.display;
  let metTotal = 0;
  let answeredTotal = 0;
  const groups = edition.groups.map((group) => {
    const scored = scoreGroup(group, answers, metIds, display.group_decimals);
    metTotal += scored.result.met;
    answeredTotal += scored.answered;
    return scored.result;
  });
  const total = editionTotal(edition);
  const tier = tierFor(metTotal, total, edition.tiers);
  return {
    met: metTotal,
    total: total,
    unanswered: total - answeredTotal,
    percent: roundedPercent(metTotal, total, display.overall_decimals),
    tier: tier ? tier.id : null,
    next_tier: nextTier(metTotal, total, edition.tiers),
    groups: groups,
  };
}

/* The tier a whole-percent reading gives (its id, or null): the share rounded half up to a
   whole number, then compared with each tier's min_percent. */
function roundedTier(edition, met) {
  const total = editionTotal(edition);
  if (total === 0) {
    return null;
  }
  const tier = tierFor(Number(roundedPercent(met, total, 0)), 100, edition.tiers);
  return tier ? tier.id : null;
}

/* Strictly between min - 1 and min: above the top of the published whole-percent range below
   a tier (e.g. 51-66) and below the tier itself (from 67). */
function betweenRanges(met, total, minPercent) {
  const share = exactDecimal(minPercent);
  const scaled = BigInt(met) * BigInt(100) * share.den;
  return scaled < share.num * BigInt(total) && scaled > (share.num - share.den) * BigInt(total);
}

/* The published tier ranges are whole percentages (e.g. 51-66, 67-84), so a share such
   as 30 of 45 (66.7%) or 38 of 45 (84.4%) falls between two of them. Returns null when met is
   inside a range, else { percent: the whole-percent reading, tier: roundedTier's id }. */
function borderline(edition, met) {
  const total = editionTotal(edition);
  const between = total > 0 && edition.tiers.some((tier) => betweenRanges(met, total, tier.min_percent));
  return between ? { percent: roundedPercent(met, total, 0), tier: roundedTier(edition, met) } : null;
}

export {
  score,
  roundedTier,
  borderline,
  criterionIds,
  editionTotal,
  metStates,
  reaches,
  minMetFor,
  tierFor,
  roundedPercent,
};
