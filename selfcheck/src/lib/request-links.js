/*
 * Requests and replies (requests.js) as link tokens and as files, and read back from a link,
 * a token or a file's text with a refusal for each kind of bad input. No DOM.
 *
 * A link token is "<rq|rp><version>.<crc32 of the JSON, base36>.<deflated bytes, base36>.<deflate-raw
 * of the JSON, base64url>": share.js's encoding, plus the length, which tells a link cut short
 * ("truncated") from one changed in transit ("tampered"). A file holds the same JSON as text.
 * A passphrase-protected text (passphrase.js) is recognised and handed back to be opened first.
 */
import { checkShape } from "./export.js";
import { readHistory } from "./history-read.js";
import { isStoredName } from "./people.js";
import { ASSESSMENT_ID, CRITERION_ID, ID, KINDS, LIMITS, SLUG, VERSION } from "./requests.js";
import { crc32, deflate, fromBase64url, inflate, toBase64url } from "./share.js";

const ISO_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;
const TOKEN = /^(rq|rp)([0-9]+)\./;
const SNAPSHOT_FORMAT = "wwc-guide-request-snapshot";

/**
 * @typedef {import("./requests.js").Request} Request
 * @typedef {import("./requests.js").Reply} Reply
 * @typedef {import("./requests.js").Refusal} Refusal
 */

function isPlainObject(value) {
  return value !== null && typeof value === "object" && !Array.isArray(value);
}

/** @returns {Refusal} */
function refuse(code, detail) {
  return { ok: false, error: { code: code, detail: detail || "" } };
}

function isText(value, max) {
  return typeof value === "string" && Array.from(value).length <= max;
}

/**
 * The link token of a request or a reply.
 * @param {Request | Reply} message
 * @returns {Promise<string>}
 */
async function encodeMessage(message) {
  const kind = message.format === KINDS.reply.format ? KINDS.reply : KINDS.request;
  const bytes = new TextEncoder().encode(JSON.stringify(message));
  const compressed = await deflate(bytes);
  return `${kind.prefix}${VERSION}.${crc32(bytes).toString(36)}.${compressed.length.toString(36)}.${toBase64url(compressed)}`;
}

/**
 * The file text of a request or a reply (the same JSON a link holds, readable).
 * @param {Request | Reply} message
 * @returns {string}
 */
function messageFile(message) {
  return `${JSON.stringify(message, null, 1)}\n`;
}

/**
 * Whether a link can go in an email as it is; when not, the page offers a file instead.
 * @param {string} link the whole link
 * @param {number} emailChars the share settings' email_chars (macros/selfcheck-assessments.yml)
 */
function fitsInEmail(link, emailChars) {
  return String(link).length <= emailChars;
}

/* What `text` holds: {file: JSON text} or {token} or {protected} or {none}. A link or a page
   address is searched for a token in its fragment. */
function locate(text) {
  const trimmed = String(text).trim();
  if (trimmed.startsWith("{")) {
    return { file: trimmed };
  }
  const candidates = [trimmed];
  const hash = trimmed.indexOf("#");
  if (hash !== -1) {
    trimmed
      .slice(hash + 1)
      .split("&")
      .forEach((part) => {
        candidates.push(part.slice(part.indexOf("=") + 1));
      });
  }
  for (const candidate of candidates) {
    if (/^wwcp[0-9]+\./.test(candidate)) {
      return { protected: candidate };
    }
    if (TOKEN.test(candidate)) {
      return { token: candidate };
    }
  }
  return { none: true };
}

/* The JSON a token holds, or a refusal: too-long, newer-version, truncated, tampered, too-large. */
async function decodeToken(token, limits) {
  if (token.length > limits.max_chars) {
    return refuse("too-long", String(token.length));
  }
  const parts = token.split(".");
  const version = Number(TOKEN.exec(token)[2]);
  if (version > VERSION) {
    return refuse("newer-version", String(version));
  }
  if (parts.length < 4) {
    return refuse("truncated");
  }
  if (
    version !== VERSION ||
    parts.length > 4 ||
    !/^[0-9a-z]{1,7}$/.test(parts[1]) ||
    !/^[0-9a-z]{1,10}$/.test(parts[2]) ||
    !/^[A-Za-z0-9_-]*$/.test(parts[3])
  ) {
    return refuse("tampered");
  }
  // A cut can leave one base64 character, which holds no whole byte: what is left is short.
  const compressed = fromBase64url(parts[3].length % 4 === 1 ? parts[3].slice(0, -1) : parts[3]);
  const declared = parseInt(parts[2], 36);
  if (compressed.length < declared) {
    return refuse("truncated");
  }
  if (compressed.length > declared) {
    return refuse("tampered");
  }
  let bytes;
  try {
    bytes = await inflate(compressed, limits.max_bytes);
  } catch (error) {
    return refuse(error && error.code === "too-large" ? "too-large" : "tampered");
  }
  if (crc32(bytes).toString(36) !== parts[1]) {
    return refuse("tampered");
  }
  try {
    return { ok: true, json: new TextDecoder("utf-8", { fatal: true }).decode(bytes) };
  } catch (_error) {
    return refuse("tampered");
  }
}

/* ---- reading: what a request or a reply must look like ------------------------------- */

/* "" when the answers and evidence are well formed and only for `criteria`, else the problem. */
function contentProblem(answers, evidence, criteria, edition, created) {
  const allowed = new Set(criteria);
  const stray = Object.keys(isPlainObject(answers) ? answers : {})
    .concat(Object.keys(isPlainObject(evidence) ? evidence : {}))
    .find((id) => !allowed.has(id));
  if (stray !== undefined) {
    return `not requested: ${stray.slice(0, 40)}`;
  }
  const settings = { format: SNAPSHOT_FORMAT, version: VERSION };
  const problems = checkShape(
    { format: SNAPSHOT_FORMAT, version: VERSION, edition, exported: created, answers, evidence },
    settings,
  );
  return problems.length ? `${problems[0].path}: ${problems[0].detail}` : "";
}

/* "" when the fields every message has are well formed, else the field. */
function commonProblem(message) {
  if (!isText(message.edition, 100) || !SLUG.test(message.edition)) {
    return "edition";
  }
  if (typeof message.assessment !== "string" || !ASSESSMENT_ID.test(message.assessment)) {
    return "assessment";
  }
  if (!isStoredName(message.from)) {
    return "from";
  }
  if (typeof message.created !== "string" || !ISO_TIME.test(message.created)) {
    return "created";
  }
  const criteria = message.criteria;
  if (
    !Array.isArray(criteria) ||
    !criteria.length ||
    criteria.length > LIMITS.criteria ||
    !criteria.every((id) => typeof id === "string" && id.length <= 40 && CRITERION_ID.test(id)) ||
    new Set(criteria).size !== criteria.length
  ) {
    return "criteria";
  }
  return "";
}

const REQUEST_KEYS = [
  "format",
  "version",
  "id",
  "assessment",
  "edition",
  "name",
  "city",
  "from",
  "note",
  "created",
  "criteria",
  "base",
];
const REPLY_KEYS = [
  "format",
  "version",
  "request",
  "assessment",
  "edition",
  "from",
  "created",
  "criteria",
  "answers",
  "evidence",
  "history",
];

function unexpectedKey(message, keys) {
  return Object.keys(message).find((key) => keys.indexOf(key) === -1);
}

/** @returns {{ok: true, request: Request} | Refusal} */
function checkRequest(message) {
  const stray = unexpectedKey(message, REQUEST_KEYS);
  const wrong =
    (stray !== undefined && `unexpected: ${stray.slice(0, 40)}`) ||
    (!(typeof message.id === "string" && ID.test(message.id)) && "id") ||
    (!isText(message.name, LIMITS.name) && "name") ||
    (!isText(message.city, LIMITS.name) && "city") ||
    (!isText(message.note, LIMITS.note) && "note") ||
    commonProblem(message) ||
    (!isPlainObject(message.base) && "base") ||
    contentProblem(message.base.answers, message.base.evidence, message.criteria, message.edition, message.created);
  return wrong ? refuse("invalid", wrong) : { ok: true, request: message };
}

/** @returns {{ok: true, reply: Reply} | Refusal} */
function checkReply(message) {
  const stray = unexpectedKey(message, REPLY_KEYS);
  const wrong =
    (stray !== undefined && `unexpected: ${stray.slice(0, 40)}`) ||
    (!(typeof message.request === "string" && ID.test(message.request)) && "request") ||
    commonProblem(message) ||
    contentProblem(message.answers, message.evidence, message.criteria, message.edition, message.created);
  if (wrong) {
    return refuse("invalid", wrong);
  }
  const read = readHistory(message.history);
  if (!read.ok) {
    const problem = /** @type {{error: {code: string, detail: string}}} */ (read).error;
    return refuse("invalid", `history: ${problem.detail || problem.code}`);
  }
  if (read.history.compacted.length) {
    return refuse("invalid", "history: summaries");
  }
  if (read.history.entries.some((entry) => message.criteria.indexOf(entry.criterion) === -1)) {
    return refuse("invalid", "history: not requested");
  }
  return { ok: true, reply: Object.assign({}, message, { history: read.history }) };
}

/* Parse a message's JSON and check its kind and version before its fields. */
function readMessage(json, kind) {
  let message;
  try {
    message = JSON.parse(json);
  } catch (_error) {
    return refuse("not-json");
  }
  if (!isPlainObject(message) || message.format !== KINDS[kind].format) {
    const other = kind === "request" ? "reply" : "request";
    return refuse(isPlainObject(message) && message.format === KINDS[other].format ? `is-${other}` : "foreign");
  }
  if (!Number.isInteger(message.version) || message.version < 1) {
    return refuse("invalid", "version");
  }
  if (message.version > VERSION) {
    return refuse("newer-version", String(message.version));
  }
  return kind === "request" ? checkRequest(message) : checkReply(message);
}

/** @returns {Promise<any>} */
async function openMessage(text, limits, kind) {
  if (typeof text !== "string" || !text.trim()) {
    return refuse("empty");
  }
  const found = locate(text);
  if (found.protected) {
    return { ok: false, error: { code: "protected", detail: "", text: found.protected } };
  }
  if (found.file) {
    if (new TextEncoder().encode(found.file).length > limits.max_bytes) {
      return refuse("too-large");
    }
    return readMessage(found.file, kind);
  }
  if (!found.token) {
    return refuse("foreign");
  }
  const wrongKind = !found.token.startsWith(KINDS[kind].prefix);
  if (wrongKind) {
    return refuse(kind === "request" ? "is-reply" : "is-request");
  }
  const decoded = await decodeToken(found.token, limits);
  return decoded.ok ? readMessage(decoded.json, kind) : decoded;
}

/**
 * A request from a link, a token or a file's text. Never rejects. Refusals: empty, protected
 * (error.text holds the protected text to unprotect first), foreign, is-reply, not-json, too-long,
 * too-large, truncated, tampered, newer-version, invalid (detail names the field).
 * @param {string} text
 * @param {{max_chars: number, max_bytes: number}} limits the share settings' limits
 * @returns {Promise<{ok: true, request: Request} | Refusal>}
 */
function openRequest(text, limits) {
  return openMessage(text, limits, "request");
}

/**
 * A reply from a link, a token or a file's text; refusals as openRequest (is-request instead of
 * is-reply). Its history is checked and its entry ids recomputed.
 * @param {string} text
 * @param {{max_chars: number, max_bytes: number}} limits
 * @returns {Promise<{ok: true, reply: Reply} | Refusal>}
 */
function openReply(text, limits) {
  return openMessage(text, limits, "reply");
}

/**
 * The criteria a request or reply names that `edition` (the page's edition data) does not have:
 * the page refuses to show such a request rather than show part of it.
 * @param {{criteria: string[]}} message
 * @param {{groups: {criteria: {id: string}[]}[]}} edition
 * @returns {string[]}
 */
function unknownCriteria(message, edition) {
  const known = new Set();
  edition.groups.forEach((group) => {
    group.criteria.forEach((criterion) => {
      known.add(criterion.id);
    });
  });
  return message.criteria.filter((id) => !known.has(id));
}

export { encodeMessage, messageFile, fitsInEmail, openRequest, openReply, unknownCriteria };
