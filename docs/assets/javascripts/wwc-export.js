/*
 * The self-check's export file: build it, check an imported one, match its answers to an
 * edition. Pure functions, no DOM, so node --test can run them.
 *
 * checkShape() implements exactly macros/schemas/self-check-export.schema.json (the published
 * JSON Schema of the file); tests/test_scoring.py feeds both the same files and requires the
 * same verdict. parseExport() adds what a schema cannot say: the size limit, whether the text
 * is JSON at all, and which problem to report first (a foreign file is "not ours", not a list
 * of missing fields).
 *
 * A classic script: in a browser it defines window.WWCExport; in node, module.exports.
 */
(function (factory) {
  "use strict";
  var api = factory();
  if (typeof module === "object" && module.exports) {
    module.exports = api;
  }
  if (typeof window !== "undefined") {
    window.WWCExport = api;
  }
})(function () {
  "use strict";

  var SLUG = /^[a-z0-9]+(-[a-z0-9]+)*$/;
  var CRITERION_ID = /^[A-Z]+[0-9]+$/;
  var TOP_LEVEL = ["format", "version", "edition", "exported", "answers", "result"];
  var REQUIRED = ["format", "version", "edition", "exported", "answers"];
  var MAX_ANSWERS = 1000;

  function hasOwn(object, key) {
    return Object.prototype.hasOwnProperty.call(object, key);
  }

  function isPlainObject(value) {
    return value !== null && typeof value === "object" && !Array.isArray(value);
  }

  function isSlug(value, maxLength) {
    return typeof value === "string" && value.length <= maxLength && SLUG.test(value);
  }

  /* JSON Schema counts characters as code points, JavaScript's length counts UTF-16 units. */
  function codePointLength(text) {
    return Array.from(text).length;
  }

  function isInteger(value) {
    return typeof value === "number" && Number.isInteger(value);
  }

  function pad(number) {
    return String(number).padStart(2, "0");
  }

  /* yyyy-mm-dd in the user's own time zone: the day they exported, as they see it. */
  function localDate(date) {
    return date.getFullYear() + "-" + pad(date.getMonth() + 1) + "-" + pad(date.getDate());
  }

  function exportFileName(prefix, editionId, date) {
    return prefix + "-" + editionId + "-" + localDate(date) + ".json";
  }

  function sortedAnswers(answers) {
    var copy = {};
    Object.keys(answers).sort().forEach(function (id) { copy[id] = answers[id]; });
    return copy;
  }

  function buildExport(settings, editionId, answers, result, date) {
    return {
      format: settings.format,
      version: settings.version,
      edition: editionId,
      exported: date.toISOString(),
      answers: sortedAnswers(answers),
      result: result
    };
  }

  function problem(code, path, detail) {
    return { code: code, path: path, detail: detail || "" };
  }

  function checkAnswers(answers) {
    if (!isPlainObject(answers)) {
      return [problem("type", "answers", "an object")];
    }
    var ids = Object.keys(answers);
    var problems = [];
    if (ids.length > MAX_ANSWERS) {
      problems.push(problem("too-many", "answers", "at most " + MAX_ANSWERS + " answers"));
    }
    ids.forEach(function (id) {
      if (!CRITERION_ID.test(id) || codePointLength(id) > 40) {
        problems.push(problem("id", "answers", "criterion ids such as DG1, not " + JSON.stringify(id.slice(0, 40))));
      }
      if (typeof answers[id] !== "string" || codePointLength(answers[id]) > 100 || !SLUG.test(answers[id])) {
        problems.push(problem("state", "answers." + id, "an answer id such as yes"));
      }
    });
    return problems;
  }

  function checkResult(result) {
    if (!isPlainObject(result)) {
      return [problem("type", "result", "an object")];
    }
    var problems = [];
    ["met", "total"].forEach(function (key) {
      if (hasOwn(result, key) && !(isInteger(result[key]) && result[key] >= 0)) {
        problems.push(problem("type", "result." + key, "a whole number"));
      }
    });
    if (hasOwn(result, "percent") && typeof result.percent !== "string") {
      problems.push(problem("type", "result.percent", "text"));
    }
    if (hasOwn(result, "tier") && result.tier !== null && typeof result.tier !== "string") {
      problems.push(problem("type", "result.tier", "text or null"));
    }
    return problems;
  }

  /* Every way `data` breaks the JSON Schema of the export file; none means it is valid. */
  function checkShape(data, settings) {
    if (!isPlainObject(data)) {
      return [problem("type", "", "an object")];
    }
    var problems = [];
    REQUIRED.forEach(function (key) {
      if (!hasOwn(data, key)) {
        problems.push(problem("missing", key, "required"));
      }
    });
    Object.keys(data).forEach(function (key) {
      if (TOP_LEVEL.indexOf(key) === -1) {
        problems.push(problem("unexpected", key, "not part of the format"));
      }
    });
    if (hasOwn(data, "format") && data.format !== settings.format) {
      problems.push(problem("format", "format", JSON.stringify(settings.format)));
    }
    if (hasOwn(data, "version") && data.version !== settings.version) {
      problems.push(problem("version", "version", String(settings.version)));
    }
    if (hasOwn(data, "edition") && !isSlug(data.edition, 100)) {
      problems.push(problem("type", "edition", "an edition id such as assessment-45"));
    }
    if (hasOwn(data, "exported") && !(typeof data.exported === "string" && codePointLength(data.exported) <= 100)) {
      problems.push(problem("type", "exported", "a date and time"));
    }
    if (hasOwn(data, "answers")) {
      problems = problems.concat(checkAnswers(data.answers));
    }
    if (hasOwn(data, "result")) {
      problems = problems.concat(checkResult(data.result));
    }
    return problems;
  }

  function refuse(code, details) {
    return { ok: false, error: { code: code, details: details || {} } };
  }

  function describeProblems(problems) {
    return problems.slice(0, 3).map(function (item) {
      return (item.path || "the file") + ": " + item.detail;
    }).join("; ") + (problems.length > 3 ? "; and " + (problems.length - 3) + " more" : "");
  }

  /* Read an imported file's text. `byteLength` is the file's size as the browser reports it.
     Returns {ok: true, data} or {ok: false, error: {code, details}}, the code naming what is
     wrong: too-large, not-json, foreign, newer-version, unsupported-version, invalid,
     unknown-edition. */
  function parseExport(text, byteLength, settings, editionIds) {
    if (byteLength > settings.max_bytes) {
      return refuse("too-large", { size: byteLength, max: settings.max_bytes });
    }
    var data;
    try {
      data = JSON.parse(text);
    } catch (error) {
      return refuse("not-json");
    }
    if (!isPlainObject(data) || data.format !== settings.format) {
      return refuse("foreign");
    }
    if (data.version !== settings.version) {
      var newer = isInteger(data.version) && data.version > settings.version;
      return refuse(newer ? "newer-version" : "unsupported-version",
        { version: JSON.stringify(data.version === undefined ? null : data.version), supported: settings.version });
    }
    var problems = checkShape(data, settings);
    if (problems.length) {
      return refuse("invalid", { problems: describeProblems(problems), list: problems });
    }
    if (editionIds.indexOf(data.edition) === -1) {
      return refuse("unknown-edition", { edition: data.edition });
    }
    return { ok: true, data: data };
  }

  function editionCriterionIds(edition) {
    var ids = [];
    edition.groups.forEach(function (group) {
      group.criteria.forEach(function (criterion) { ids.push(criterion.id); });
    });
    return ids;
  }

  /* Split answers into those the edition knows (criterion id and answer state both exist) and
     the rest, each with the reason it does not match, in the order the file gives them. */
  function matchAnswers(edition, answers) {
    var ids = editionCriterionIds(edition);
    var states = edition.answer_states.map(function (state) { return state.id; });
    var known = {};
    var unmatched = [];
    Object.keys(answers).forEach(function (id) {
      var state = answers[id];
      if (ids.indexOf(id) === -1) {
        unmatched.push({ id: id, state: String(state), reason: "unknown-id" });
      } else if (states.indexOf(state) === -1) {
        unmatched.push({ id: id, state: String(state), reason: "unknown-state" });
      } else {
        known[id] = state;
      }
    });
    return { answers: known, unmatched: unmatched };
  }

  return {
    buildExport: buildExport,
    exportFileName: exportFileName,
    checkShape: checkShape,
    parseExport: parseExport,
    matchAnswers: matchAnswers
  };
});
