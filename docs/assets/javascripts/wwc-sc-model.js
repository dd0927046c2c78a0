/*
 * The self-check's model: the one object the view talks to about saved data (the view never
 * touches localStorage). The contract (shared with the multi-assessment store that replaces
 * these internals):
 *
 *   model.current()            the current assessment (read-only to the caller)
 *   model.change(fn)           fn(assessment) applied to the LATEST stored copy (a stale tab never
 *                              overwrites newer data), `updated` stamped, saved; returns
 *                              { ok, reason: "saved" | "failed" | "unavailable" | "newer-version" }
 *   model.onExternalChange(cb) cb() after another tab changed the stored data
 *   model.status()             { available, readFailed, newerVersion, keptAside: [keys] }
 *
 * This first version keeps one assessment per edition in a single record
 *   { version: 2, assessments: { <edition id>: assessment } }
 * and reads the version 1 record ({ version: 1, edition, answers: { <edition id>: answers } }).
 * A record it cannot read is copied aside under another key before anything is written, and a
 * record from a newer version is never overwritten: no answer is lost silently.
 *
 * A classic script: in a browser it defines window.WWCSelfCheckModel; in node, module.exports.
 */
(function (factory) {
  "use strict";
  var storage = typeof module === "object" && module.exports ? require("./wwc-storage.js") : window.WWCStorage;
  var api = factory(storage);
  if (typeof module === "object" && module.exports) {
    module.exports = api;
  }
  if (typeof window !== "undefined") {
    window.WWCSelfCheckModel = api;
  }
})(function (WWCStorage) {
  "use strict";

  var RECORD_VERSION = 2;

  function isPlainObject(value) {
    return value !== null && typeof value === "object" && !Array.isArray(value);
  }

  function newId() {
    return "a-" + Date.now().toString(36) + Math.random().toString(36).slice(2, 8);
  }

  function clone(value) {
    return JSON.parse(JSON.stringify(value));
  }

  function blankAssessment(editionId, now) {
    return {
      id: newId(), name: "", edition: editionId, city: "", date: "",
      created: now, updated: now, answers: {}, evidence: {}
    };
  }

  function text(value) {
    return typeof value === "string" ? value : "";
  }

  /* Keep the fields of the assessment shape; anything else a record holds is dropped here but
     the record itself is only replaced by a successful save of the same data plus the change. */
  function normalise(raw, editionId, now) {
    var assessment = blankAssessment(editionId, now);
    if (!isPlainObject(raw)) {
      return assessment;
    }
    ["id", "name", "city", "date", "created", "updated"].forEach(function (key) {
      if (typeof raw[key] === "string" && raw[key]) {
        assessment[key] = raw[key];
      }
    });
    assessment.answers = isPlainObject(raw.answers) ? raw.answers : {};
    assessment.evidence = isPlainObject(raw.evidence) ? raw.evidence : {};
    return assessment;
  }

  function fromVersion1(record, now) {
    var upgraded = { version: RECORD_VERSION, assessments: {} };
    var answers = isPlainObject(record.answers) ? record.answers : {};
    Object.keys(answers).forEach(function (editionId) {
      if (isPlainObject(answers[editionId])) {
        var assessment = blankAssessment(editionId, now);
        assessment.answers = answers[editionId];
        upgraded.assessments[editionId] = assessment;
      }
    });
    return upgraded;
  }

  /* options: { key, edition, storage (optional backend, default localStorage), now (optional) } */
  function open(options) {
    var backend = options.storage;
    if (backend === undefined) {
      try {
        backend = typeof window !== "undefined" ? window.localStorage : null;
      } catch (error) {
        backend = null;
      }
    }
    var store = WWCStorage.open(options.key, backend);
    var editionId = options.edition;
    var clock = options.now || function () { return new Date().toISOString(); };
    var status = { available: store.available, readFailed: false, newerVersion: false, keptAside: [] };
    var memory = blankAssessment(editionId, clock());
    var unsaved = false;

    function keepAside() {
      var asideKey = options.key + ":kept-aside:" + clock();
      try {
        var raw = backend.getItem(options.key);
        if (raw !== null) {
          backend.setItem(asideKey, raw);
          status.keptAside.push(asideKey);
        }
        return true;
      } catch (error) {
        return false;
      }
    }

    /* The stored record as version 2, or null when there is none or it cannot be used. */
    function readRecord() {
      var loaded = store.load();
      if (!loaded.ok || loaded.value === null) {
        if (loaded.reason === "corrupt") {
          status.readFailed = true;
        }
        return null;
      }
      var record = loaded.value;
      if (!isPlainObject(record) || typeof record.version !== "number") {
        status.readFailed = true;
        return null;
      }
      if (record.version > RECORD_VERSION) {
        status.newerVersion = true;
        return null;
      }
      if (record.version === 1) {
        return fromVersion1(record, clock());
      }
      if (record.version !== RECORD_VERSION || !isPlainObject(record.assessments)) {
        status.readFailed = true;
        return null;
      }
      return record;
    }

    function load() {
      var record = readRecord();
      if (status.readFailed && !status.keptAside.length) {
        keepAside();
      }
      if (record && isPlainObject(record.assessments[editionId])) {
        memory = normalise(record.assessments[editionId], editionId, clock());
      }
      return record;
    }

    function change(fn) {
      if (status.newerVersion) {
        fn(memory);
        memory.updated = clock();
        return { ok: false, reason: "newer-version" };
      }
      // The latest stored copy is the base unless this tab holds changes it could not save.
      var record = unsaved ? null : readRecord();
      if (status.newerVersion) {
        return change(fn);
      }
      var base = record && isPlainObject(record.assessments[editionId])
        ? normalise(record.assessments[editionId], editionId, clock()) : clone(memory);
      fn(base);
      base.updated = clock();
      memory = base;
      var next = record || { version: RECORD_VERSION, assessments: {} };
      next.version = RECORD_VERSION;
      next.assessments[editionId] = base;
      var saved = store.save(next);
      unsaved = !saved.ok;
      return { ok: saved.ok, reason: saved.reason };
    }

    function onExternalChange(callback) {
      if (typeof window === "undefined") {
        return;
      }
      window.addEventListener("storage", function (event) {
        if (event.key === options.key && !unsaved) {
          load();
          callback();
        }
      });
    }

    load();
    return {
      current: function () { return memory; },
      change: change,
      onExternalChange: onExternalChange,
      status: function () { return status; }
    };
  }

  return { open: open, RECORD_VERSION: RECORD_VERSION, blankAssessment: blankAssessment };
});
