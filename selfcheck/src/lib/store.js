/*
 * The self-check's assessment store: several assessments in one versioned record in
 * localStorage, with no DOM, so node --test can run it against storages that fail.
 *
 * What it promises (each is a fault the self-check once had):
 * - Every storage call may throw; none of these functions does.
 * - A record it cannot read (the read throws, the text is not JSON, or it is not a record) is
 *   never written over: changes stay in memory, and status() says so. Unreadable text is first
 *   copied to a side key; only once that copy is verified is a fresh record started.
 * - A record from a newer version of the guide is kept untouched (read-only mode).
 * - Assessments of editions the guide no longer has, and answers to criteria it no longer has,
 *   stay in the record; inspect() reports them so the page can say so and export them.
 * - Every write re-reads the latest record and applies a change function to it, so a stale tab
 *   never overwrites what another tab saved. Changes that could not be written are kept
 *   (as functions) and applied again on the next write, so nothing shown is ever lost.
 * - The old single-record key (version 1) is migrated into one assessment per edition and
 *   never deleted.
 * - Two tabs can write at once: a browser gives each tab its own copy of localStorage, brought up
 *   to date a moment later, so a tab may write over a write it has not seen yet. Each write leaves
 *   its id in the record (`writes`, the last WRITES_KEPT), and later writes carry it on; a tab keeps
 *   its written changes until it reads a record holding its write's id. A record without it means
 *   another tab wrote over it: the changes are applied again and written (changes are idempotent:
 *   they set values, and add only what is not there).
 *
 */
import { hasOwn, own } from "./keys.js";
const VERSION = 2;
const FORMAT = "wwc-guide-self-check-store";
const TRASH_SIZE = 10;
/* Ids of the latest writes kept in the record: more than tabs write between two reads of one tab. */
const WRITES_KEPT = 50;

function isPlainObject(value) {
  return value !== null && typeof value === "object" && !Array.isArray(value);
}

function clone(value) {
  return value === undefined ? undefined : JSON.parse(JSON.stringify(value));
}

function randomId() {
  return `a-${Date.now().toString(36)}${Math.random().toString(36).slice(2, 10)}`;
}

function emptyRecord() {
  return {
    format: FORMAT,
    version: VERSION,
    revision: 0,
    updated: "",
    current: {},
    assessments: [],
    trash: [],
    migrated: [],
  };
}

function newAssessment(fields, now, makeId) {
  const stamp = now().toISOString();
  /** @type {Record<string, any>} */
  const made = {
    id: makeId(),
    name: String(fields.name || ""),
    edition: String(fields.edition || ""),
    city: String(fields.city || ""),
    date: String(fields.date || ""),
    created: stamp,
    updated: stamp,
    answers: isPlainObject(fields.answers) ? clone(fields.answers) : {},
    evidence: isPlainObject(fields.evidence) ? clone(fields.evidence) : {},
    ...planDates(fields),
  };
  // Its history (history.js) travels with it: a copy, a file or link saved as new.
  if (isPlainObject(fields.history)) {
    made.history = clone(fields.history);
  }
  return made;
}

/* The planned application date and the administration's start, only when given. */
function planDates(fields) {
  const dates = {};
  ["application", "administration"].forEach((key) => {
    if (typeof fields[key] === "string" && fields[key]) {
      dates[key] = fields[key];
    }
  });
  return dates;
}

/* ---- reading raw storage ------------------------------------------------------------- */

function defaultStorage() {
  try {
    return typeof window !== "undefined" ? window.localStorage : null;
  } catch (_error) {
    return null;
  }
}

/* {ok, text} or {ok: false}: getItem may throw (blocked storage, a browser bug, a test). */
function readText(storage, key) {
  if (!storage) {
    return { ok: false };
  }
  try {
    return { ok: true, text: storage.getItem(key) };
  } catch (_error) {
    return { ok: false };
  }
}

function writeText(storage, key, text) {
  if (!storage) {
    return false;
  }
  try {
    storage.setItem(key, text);
    return true;
  } catch (_error) {
    return false;
  }
}

/* ---- record shape, versions, migrations ---------------------------------------------- */

/* What the text under the store key is: empty, a record of ours (this version or newer), or unreadable. */
function classify(text) {
  if (text === null || text === undefined) {
    return { kind: "empty" };
  }
  let data;
  try {
    data = JSON.parse(text);
  } catch (_error) {
    return { kind: "corrupt" };
  }
  if (!isPlainObject(data) || data.format !== FORMAT || typeof data.version !== "number") {
    return { kind: "corrupt" };
  }
  if (data.version > VERSION) {
    return { kind: "newer", version: data.version };
  }
  if (!Array.isArray(data.assessments)) {
    return { kind: "corrupt" };
  }
  return { kind: "record", record: upgrade(data) };
}

/* Fill in fields a record of this version may lack; keep every field we do not know. */
function upgrade(data) {
  const record = clone(data);
  // Migrations from older store versions go here: while (record.version < VERSION) {...}.
  record.version = VERSION;
  record.revision = typeof record.revision === "number" ? record.revision : 0;
  record.current = isPlainObject(record.current) ? record.current : {};
  record.trash = Array.isArray(record.trash) ? record.trash : [];
  record.migrated = Array.isArray(record.migrated) ? record.migrated : [];
  record.assessments = record.assessments.filter(isPlainObject);
  record.assessments.forEach((assessment) => {
    assessment.answers = isPlainObject(assessment.answers) ? assessment.answers : {};
    assessment.evidence = isPlainObject(assessment.evidence) ? assessment.evidence : {};
  });
  return record;
}

/* The version 1 record (one answer set per edition) as one assessment per edition with answers.
   Editions the guide does not know become assessments too: inspect() reports them. */
function migrateV1(text, options) {
  let data;
  try {
    data = JSON.parse(text);
  } catch (_error) {
    return null;
  }
  if (isPlainObject(data) && data.version === 2 && isPlainObject(data.assessments)) {
    return migrateOneAssessmentPerEdition(data, options);
  }
  if (!isPlainObject(data) || data.version !== 1 || !isPlainObject(data.answers)) {
    return null;
  }
  const record = emptyRecord();
  const saved = data.saved || "";
  Object.keys(data.answers).forEach((editionId) => {
    const answers = data.answers[editionId];
    if (!isPlainObject(answers) || !Object.keys(answers).length) {
      return;
    }
    // A fixed id: two tabs that migrate the same old record at once make the same assessment.
    const assessment = newAssessment(
      { name: options.migratedName, edition: editionId, answers: answers },
      options.now,
      () => `a-v1-${editionId}`,
    );
    if (saved) {
      assessment.updated = saved;
    }
    record.assessments.push(assessment);
    record.current[editionId] = assessment.id;
  });
  record.migrated.push({ from: options.legacyKey, at: options.now().toISOString() });
  return record;
}

/* The interim record some builds wrote under the old key ({version: 2, assessments: {<edition>:
   assessment}}): each assessment is kept whole, under a fixed id per edition. */
function migrateOneAssessmentPerEdition(data, options) {
  const record = emptyRecord();
  Object.keys(data.assessments).forEach((editionId) => {
    const saved = data.assessments[editionId];
    if (!isPlainObject(saved)) {
      return;
    }
    const assessment = clone(saved);
    assessment.id = `a-v1-${editionId}`;
    assessment.edition = editionId;
    assessment.name = typeof saved.name === "string" && saved.name ? saved.name : options.migratedName;
    assessment.answers = isPlainObject(saved.answers) ? saved.answers : {};
    assessment.evidence = isPlainObject(saved.evidence) ? saved.evidence : {};
    assessment.created = typeof saved.created === "string" ? saved.created : options.now().toISOString();
    assessment.updated = typeof saved.updated === "string" ? saved.updated : assessment.created;
    record.assessments.push(assessment);
    record.current[editionId] = assessment.id;
  });
  record.migrated.push({ from: options.legacyKey, at: options.now().toISOString() });
  return record;
}

/* ---- what the guide does not know ---------------------------------------------------- */

function editionIndex(editions) {
  const index = {};
  editions.forEach((edition) => {
    const criteria = {};
    edition.groups.forEach((group) => {
      group.criteria.forEach((criterion) => {
        criteria[criterion.id] = true;
      });
    });
    const states = {};
    edition.answer_states.forEach((state) => {
      states[state.id] = true;
    });
    index[edition.id] = { criteria: criteria, states: states };
  });
  return index;
}

/* Everything in the record the guide cannot show: whole assessments of unknown editions,
   answers or evidence for unknown criteria, and answers that are not an answer state. */
function inspect(record, editions, otherEditionIds) {
  const index = editionIndex(editions);
  const aside = [];
  (record ? record.assessments : []).forEach((assessment) => {
    const known = own(index, assessment.edition);
    if (!known && (otherEditionIds || []).indexOf(assessment.edition) !== -1) {
      return; // an edition of the guide whose criteria this page does not carry: its own page checks it
    }
    if (!known) {
      aside.push({
        kind: "unknown-edition",
        assessment: assessment.id,
        name: assessment.name,
        edition: assessment.edition,
        count: Object.keys(assessment.answers).length,
      });
      return;
    }
    Object.keys(assessment.answers).forEach((id) => {
      const state = assessment.answers[id];
      if (!hasOwn(known.criteria, id)) {
        aside.push({
          kind: "unknown-criterion",
          assessment: assessment.id,
          name: assessment.name,
          edition: assessment.edition,
          id: id,
          state: String(state),
        });
      } else if (!hasOwn(known.states, state)) {
        aside.push({
          kind: "unknown-state",
          assessment: assessment.id,
          name: assessment.name,
          edition: assessment.edition,
          id: id,
          state: String(state),
        });
      }
    });
    Object.keys(assessment.evidence).forEach((id) => {
      if (!hasOwn(known.criteria, id)) {
        aside.push({
          kind: "unknown-evidence",
          assessment: assessment.id,
          name: assessment.name,
          edition: assessment.edition,
          id: id,
        });
      }
    });
  });
  return aside;
}

/* ---- the store ----------------------------------------------------------------------- */

/* options: key, legacyKey, storage (default window.localStorage), editions (payload editions),
   migratedName (name of the assessment made from old answers), now, makeId. */
function open(options) {
  const storage = options.storage === undefined ? defaultStorage() : options.storage;
  const settings = {
    key: options.key,
    legacyKey: options.legacyKey,
    editions: options.editions || [],
    otherEditionIds: options.otherEditionIds || [],
    migratedName: options.migratedName || "",
    now: options.now || (() => new Date()),
    makeId: options.makeId || randomId,
  };
  const state = {
    record: emptyRecord(), // the latest record read or written, with pending changes applied
    pending: [], // change functions not yet written
    mode: "ok", // ok | unavailable | read-failed | corrupt | newer
    newerVersion: null,
    lastWrite: null, // null | saved | failed | held
    unreadableCopy: null,
    unconfirmed: [], // [{id, changes}]: written, not yet seen in a record read back
  };

  /* The changes of this tab's writes that `record` shows were written over, to apply again. A
     record last written by this tab proves nothing (its own copy always holds its writes); one
     last written by another tab confirms the writes of this tab it carries on, and shows that
     any other was written over. */
  function lostChanges(record) {
    const seen = Array.isArray(record.writes) ? record.writes : [];
    const last = seen[seen.length - 1];
    if (!state.unconfirmed.length || state.unconfirmed.some((write) => write.id === last)) {
      return [];
    }
    let confirmedUpTo = -1;
    state.unconfirmed.forEach((write, index) => {
      if (seen.indexOf(write.id) !== -1) {
        confirmedUpTo = index;
      }
    });
    const lost = state.unconfirmed.slice(confirmedUpTo + 1);
    state.unconfirmed = [];
    return lost.reduce((all, write) => all.concat(write.changes), []);
  }

  /* Read the latest record from storage: {ok, record} or {ok: false, mode}. Migrates the
     legacy key into memory when the store key is empty (the migration is written with the
     first change, like any other). Moves unreadable text aside when it can. */
  function readLatest() {
    const read = readText(storage, settings.key);
    if (!read.ok) {
      return { ok: false, mode: storage ? "read-failed" : "unavailable" };
    }
    const found = classify(read.text);
    if (found.kind === "record") {
      return { ok: true, record: found.record };
    }
    if (found.kind === "newer") {
      return { ok: false, mode: "newer", version: found.version };
    }
    if (found.kind === "corrupt") {
      return keepUnreadable(read.text);
    }
    return { ok: true, record: migrateLegacy() };
  }

  function migrateLegacy() {
    if (!settings.legacyKey) {
      return emptyRecord();
    }
    const legacy = readText(storage, settings.legacyKey);
    const migrated =
      legacy.ok && legacy.text !== null
        ? migrateV1(legacy.text, {
            migratedName: settings.migratedName,
            now: settings.now,
            legacyKey: settings.legacyKey,
          })
        : null;
    return migrated || emptyRecord();
  }

  /* Copy unreadable text to a key of its own, and only start afresh once the copy reads back. */
  function keepUnreadable(text) {
    if (state.unreadableCopy && readText(storage, state.unreadableCopy).text === text) {
      return { ok: true, record: emptyRecord() };
    }
    const copyKey = `${settings.key}:unreadable:${settings.now().toISOString()}`;
    if (writeText(storage, copyKey, text)) {
      const back = readText(storage, copyKey);
      if (back.ok && back.text === text) {
        state.unreadableCopy = copyKey;
        return { ok: true, record: emptyRecord() };
      }
    }
    return { ok: false, mode: "corrupt" };
  }

  function applyAll(record, changes) {
    const result = clone(record);
    changes.forEach((change) => {
      change(result);
    });
    return result;
  }

  /* Re-read, apply the pending changes and `change`, write. */
  function update(change) {
    if (change) {
      state.pending.push(change);
    }
    const latest = readLatest();
    if (!latest.ok) {
      state.mode = latest.mode;
      state.newerVersion = latest.version || null;
      state.record = applyAll(state.record, change ? [change] : []);
      state.lastWrite = "held";
      return { ok: false, reason: latest.mode };
    }
    state.mode = "ok";
    state.newerVersion = null;
    state.pending = lostChanges(latest.record).concat(state.pending);
    const next = applyAll(latest.record, state.pending);
    next.revision = (latest.record.revision || 0) + 1;
    next.updated = settings.now().toISOString();
    const writeId = `w-${Date.now().toString(36)}${Math.random().toString(36).slice(2, 10)}`;
    next.writes = (Array.isArray(latest.record.writes) ? latest.record.writes : [])
      .concat([writeId])
      .slice(-WRITES_KEPT);
    if (writeText(storage, settings.key, JSON.stringify(next))) {
      state.unconfirmed = state.unconfirmed.concat([{ id: writeId, changes: state.pending }]).slice(-WRITES_KEPT);
      state.pending = [];
      state.record = next;
      state.lastWrite = "saved";
      return { ok: true, reason: "saved" };
    }
    state.record = next;
    state.lastWrite = "failed";
    return { ok: false, reason: "failed" };
  }

  /* Re-read without writing (start-up, the storage event); pending changes stay applied on top. */
  function refresh() {
    const latest = readLatest();
    if (!latest.ok) {
      state.mode = latest.mode;
      state.newerVersion = latest.version || null;
      return { ok: false, reason: latest.mode };
    }
    const changed = latest.record.revision !== state.record.revision || state.mode !== "ok";
    state.mode = "ok";
    state.newerVersion = null;
    const lost = lostChanges(latest.record);
    if (lost.length) {
      // Another tab wrote over this tab's last write: write its changes again, on top of that.
      state.pending = lost.concat(state.pending);
      const again = update(null);
      return { ok: again.ok, reason: again.ok ? "loaded" : again.reason, changed: true };
    }
    state.record = applyAll(latest.record, state.pending);
    return { ok: true, reason: "loaded", changed: changed };
  }

  function find(id) {
    for (let i = 0; i < state.record.assessments.length; i += 1) {
      if (state.record.assessments[i].id === id) {
        return state.record.assessments[i];
      }
    }
    return null;
  }

  function findIn(record, id) {
    return record.assessments.filter((assessment) => assessment.id === id)[0] || null;
  }

  /* Apply fn to assessment `id` of the latest record and stamp `updated`. If another tab deleted
     it meanwhile, the change is not lost silently: the reason says "missing". */
  function changeAssessment(id, fn) {
    const stamp = settings.now().toISOString();
    let found = false;
    const result = update((record) => {
      const assessment = findIn(record, id);
      found = Boolean(assessment);
      if (assessment) {
        fn(assessment);
        assessment.updated = stamp;
      }
    });
    if (!found) {
      return { ok: false, reason: "missing" };
    }
    return result;
  }

  /* `id`: a fixed id (the first assessment of an edition, which two tabs may create at once). */
  function create(fields, id) {
    const assessment = newAssessment(fields, settings.now, id ? () => id : settings.makeId);
    const result = update((record) => {
      if (!findIn(record, assessment.id)) {
        record.assessments.push(clone(assessment));
      }
    });
    result.id = assessment.id;
    return result;
  }

  function duplicate(id, name) {
    const source = find(id);
    if (!source) {
      return { ok: false, reason: "not-found" };
    }
    const copy = clone(source);
    return create({
      name: name,
      edition: copy.edition,
      city: copy.city,
      date: copy.date,
      application: copy.application,
      administration: copy.administration,
      answers: copy.answers,
      evidence: copy.evidence,
      history: copy.history,
    });
  }

  function rename(id, name) {
    return changeAssessment(id, (assessment) => {
      assessment.name = String(name);
    });
  }

  function setDetails(id, details) {
    return changeAssessment(id, (assessment) => {
      ["name", "city", "date"].forEach((field) => {
        if (hasOwn(details, field)) {
          assessment[field] = String(details[field]);
        }
      });
    });
  }

  /* Delete moves the assessment to the record's trash (the last few), so undo works after a reload too. */
  function remove(id) {
    const stamp = settings.now().toISOString();
    if (!find(id)) {
      return { ok: false, reason: "not-found" };
    }
    return update((record) => {
      const assessment = findIn(record, id);
      if (!assessment) {
        return;
      }
      record.assessments = record.assessments.filter((item) => item.id !== id);
      record.trash.unshift({ deleted: stamp, assessment: assessment });
      record.trash = record.trash.slice(0, TRASH_SIZE);
      Object.keys(record.current).forEach((editionId) => {
        if (record.current[editionId] === id) {
          delete record.current[editionId];
        }
      });
    });
  }

  function undoRemove(id) {
    return update((record) => {
      const entry = record.trash.filter((item) => item.assessment.id === id)[0];
      if (!entry || findIn(record, id)) {
        return;
      }
      record.trash = record.trash.filter((item) => item !== entry);
      record.assessments.push(entry.assessment);
    });
  }

  function setCurrent(editionId, id) {
    return update((record) => {
      record.current[editionId] = id;
    });
  }

  function list(editionId) {
    return state.record.assessments
      .filter((assessment) => editionId === undefined || assessment.edition === editionId)
      .map(clone);
  }

  function status() {
    return {
      available: Boolean(storage) && state.mode !== "unavailable",
      mode: state.mode,
      readFailed: state.mode === "read-failed",
      corrupt: state.mode === "corrupt",
      newerVersion: state.newerVersion,
      saving: state.lastWrite,
      unsaved: state.pending.length,
      unreadableCopy: state.unreadableCopy,
      keptAside: inspect(state.record, settings.editions, settings.otherEditionIds),
    };
  }

  /* Everything kept aside, whole, as the user can export it. */
  function keptAsideData() {
    const ids = {};
    inspect(state.record, settings.editions, settings.otherEditionIds).forEach((entry) => {
      ids[entry.assessment] = true;
    });
    return state.record.assessments.filter((assessment) => ids[assessment.id]).map(clone);
  }

  refresh();

  return {
    key: settings.key,
    refresh: refresh,
    update: update,
    record: () => clone(state.record),
    list: list,
    get: (id) => clone(find(id)),
    current: (editionId) => own(state.record.current, editionId) || null,
    setCurrent: setCurrent,
    create: create,
    duplicate: duplicate,
    rename: rename,
    setDetails: setDetails,
    changeAssessment: changeAssessment,
    remove: remove,
    undoRemove: undoRemove,
    trash: () => clone(state.record.trash),
    status: status,
    keptAsideData: keptAsideData,
  };
}

export { open, VERSION, FORMAT, classify, migrateV1, inspect };
