/*
 * Share an assessment by link: its answers (and, when asked, ticks, then notes and links) packed
 * into the URL fragment, which browsers never send to a server. No DOM, so node --test runs it.
 *
 * A token is "<version>.<crc32 of the JSON, base36>.<deflate-raw of the JSON, base64url>".
 * Deflate (CompressionStream "deflate-raw", in Chromium and node 20) keeps a full 45-criteria
 * link short enough for email; the checksum refuses links that were cut short or changed, since
 * raw deflate itself has none. Decoding stops at a size cap, so a crafted link cannot blow up.
 *
 */
import { hasOwn } from "./keys.js";
const VERSION = "1";
const SLUG = /^[a-z0-9]+(-[a-z0-9]+)*$/;
const CRITERION_ID = /^[A-Z]+[0-9]+$/;
const BASE64URL = /^[A-Za-z0-9_-]*$/;
const TEXT_FIELDS = ["notes", "owner", "due"];

function isPlainObject(value) {
  return value !== null && typeof value === "object" && !Array.isArray(value);
}

/* ---- checksum and base64url ---------------------------------------------------------- */

const CRC_TABLE = (() => {
  const table = [];
  for (let n = 0; n < 256; n += 1) {
    let c = n;
    for (let k = 0; k < 8; k += 1) {
      c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    }
    table.push(c >>> 0);
  }
  return table;
})();

function crc32(bytes) {
  let crc = 0xffffffff;
  for (let i = 0; i < bytes.length; i += 1) {
    crc = CRC_TABLE[(crc ^ bytes[i]) & 0xff] ^ (crc >>> 8);
  }
  return (crc ^ 0xffffffff) >>> 0;
}

function toBase64url(bytes) {
  let binary = "";
  for (let i = 0; i < bytes.length; i += 1) {
    binary += String.fromCharCode(bytes[i]);
  }
  return btoa(binary).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
}

function fromBase64url(text) {
  const binary = atob(text.replace(/-/g, "+").replace(/_/g, "/"));
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i += 1) {
    bytes[i] = binary.charCodeAt(i);
  }
  return bytes;
}

/* ---- compression --------------------------------------------------------------------- */

function readAll(stream, maxBytes) {
  const reader = stream.getReader();
  const chunks = [];
  let total = 0;
  function next() {
    return reader.read().then((step) => {
      if (step.done) {
        const out = new Uint8Array(total);
        let at = 0;
        chunks.forEach((chunk) => {
          out.set(chunk, at);
          at += chunk.length;
        });
        return out;
      }
      total += step.value.length;
      if (total > maxBytes) {
        reader.cancel();
        throw Object.assign(new Error("too large"), { code: "too-large" });
      }
      chunks.push(step.value);
      return next();
    });
  }
  return next();
}

function transform(bytes, stream, maxBytes) {
  const writer = stream.writable.getWriter();
  // Errors surface through the reader; the writer's own promises must not go unhandled.
  writer.write(bytes).catch(() => {});
  writer.close().catch(() => {});
  return readAll(stream.readable, maxBytes);
}

function deflate(bytes) {
  return transform(bytes, new CompressionStream("deflate-raw"), Infinity);
}

function inflate(bytes, maxBytes) {
  return transform(bytes, new DecompressionStream("deflate-raw"), maxBytes);
}

/* ---- what a link holds --------------------------------------------------------------- */

/* The compact form of an assessment: answers always; ticks and notes/links only when asked. */
function packAssessment(assessment, options) {
  const packed = { e: assessment.edition, n: assessment.name || "", a: assessment.answers || {} };
  if (assessment.city) {
    packed.c = assessment.city;
  }
  if (assessment.date) {
    packed.d = assessment.date;
  }
  // The planned application date (p) and the administration's start (s) travel with the details.
  if (assessment.application) {
    packed.p = assessment.application;
  }
  if (assessment.administration) {
    packed.s = assessment.administration;
  }
  const evidence = assessment.evidence || {};
  if (options?.ticks) {
    const ticks = {};
    Object.keys(evidence).forEach((id) => {
      if (evidence[id] && Array.isArray(evidence[id].items) && evidence[id].items.length) {
        ticks[id] = evidence[id].items.slice();
      }
    });
    packed.t = ticks;
  }
  if (options?.notes) {
    const notes = {};
    Object.keys(evidence).forEach((id) => {
      const entry = evidence[id] || {};
      const kept = {};
      TEXT_FIELDS.forEach((field) => {
        if (entry[field]) {
          kept[field] = String(entry[field]);
        }
      });
      if (isPlainObject(entry.dates) && Object.keys(entry.dates).length) {
        kept.dates = Object.assign({}, entry.dates);
      }
      if (Array.isArray(entry.links) && entry.links.length) {
        kept.links = entry.links.map((link) => ({ text: String(link.text || ""), url: String(link.url || "") }));
      }
      if (Object.keys(kept).length) {
        notes[id] = kept;
      }
    });
    packed.x = notes;
  }
  return packed;
}

function problem(code, detail) {
  return { ok: false, error: { code: code, detail: detail || "" } };
}

function checkText(value, max) {
  return typeof value === "string" && value.length <= max;
}

function checkLinks(links) {
  return (
    Array.isArray(links) &&
    links.length <= 50 &&
    links.every(
      (link) =>
        isPlainObject(link) && checkText(link.text, 500) && checkText(link.url, 2000) && /^https?:\/\//i.test(link.url),
    )
  );
}

function isDateText(value) {
  return checkText(value, 10) && /^(\d{4}-\d{2}-\d{2})?$/.test(value);
}

/* Dated items: item id -> YYYY-MM-DD. */
function checkDates(dates) {
  return (
    isPlainObject(dates) &&
    Object.keys(dates).length <= 200 &&
    Object.keys(dates).every((item) => SLUG.test(item) && item.length <= 100 && isDateText(dates[item]) && dates[item])
  );
}

/* What a decoded link must look like; returns a problem text or "". */
function checkPacked(packed) {
  if (!isPlainObject(packed) || !checkText(packed.e, 100) || !SLUG.test(packed.e)) {
    return "edition";
  }
  if (
    !checkText(packed.n, 200) ||
    (hasOwn(packed, "c") && !checkText(packed.c, 200)) ||
    ["d", "p", "s"].some((key) => hasOwn(packed, key) && !isDateText(packed[key]))
  ) {
    return "details";
  }
  if (
    !isPlainObject(packed.a) ||
    !Object.keys(packed.a).every(
      (id) => CRITERION_ID.test(id) && typeof packed.a[id] === "string" && SLUG.test(packed.a[id]),
    )
  ) {
    return "answers";
  }
  if (
    hasOwn(packed, "t") &&
    !(
      isPlainObject(packed.t) &&
      Object.keys(packed.t).every(
        (id) =>
          CRITERION_ID.test(id) && Array.isArray(packed.t[id]) && packed.t[id].every((item) => checkText(item, 200)),
      )
    )
  ) {
    return "ticks";
  }
  if (
    hasOwn(packed, "x") &&
    !(
      isPlainObject(packed.x) &&
      Object.keys(packed.x).every((id) => {
        const entry = packed.x[id];
        return (
          CRITERION_ID.test(id) &&
          isPlainObject(entry) &&
          TEXT_FIELDS.every((field) => !hasOwn(entry, field) || checkText(entry[field], 20000)) &&
          (!hasOwn(entry, "links") || checkLinks(entry.links)) &&
          (!hasOwn(entry, "dates") || checkDates(entry.dates))
        );
      })
    )
  ) {
    return "notes";
  }
  return "";
}

/* The assessment fields a link carries, in the model's shape (without id or dates). */
function unpackAssessment(packed) {
  const evidence = {};
  const ticks = packed.t || {};
  const notes = packed.x || {};
  Object.keys(ticks)
    .concat(Object.keys(notes))
    .forEach((id) => {
      if (hasOwn(evidence, id)) {
        return;
      }
      const entry = notes[id] || {};
      evidence[id] = {
        items: (ticks[id] || []).slice(),
        notes: entry.notes || "",
        owner: entry.owner || "",
        due: entry.due || "",
        ...(entry.dates ? { dates: Object.assign({}, entry.dates) } : {}),
        links: (entry.links || []).map((link) => ({ text: link.text, url: link.url })),
      };
    });
  return {
    name: packed.n,
    edition: packed.e,
    city: packed.c || "",
    date: packed.d || "",
    ...(packed.p ? { application: packed.p } : {}),
    ...(packed.s ? { administration: packed.s } : {}),
    answers: packed.a,
    evidence: evidence,
    carries: { ticks: hasOwn(packed, "t"), notes: hasOwn(packed, "x") },
  };
}

/* ---- encode and decode ------------------------------------------------------------- */

/* A promise of the token for `assessment`; options: {ticks, notes}. */
function encode(assessment, options) {
  const bytes = new TextEncoder().encode(JSON.stringify(packAssessment(assessment, options)));
  const sum = crc32(bytes).toString(36);
  return deflate(bytes).then((compressed) => `${VERSION}.${sum}.${toBase64url(compressed)}`);
}

/* A promise of {ok: true, assessment} or {ok: false, error: {code}}; never rejects. Codes:
   too-long, not-a-link, newer-version, damaged (cut short or changed), too-large, invalid. */
function decode(token, limits) {
  const maxChars = limits.max_chars;
  const maxBytes = limits.max_bytes;
  if (typeof token !== "string" || !token) {
    return Promise.resolve(problem("not-a-link"));
  }
  if (token.length > maxChars) {
    return Promise.resolve(problem("too-long", String(token.length)));
  }
  const parts = token.split(".");
  if (parts.length !== 3 || !/^\d+$/.test(parts[0]) || !/^[0-9a-z]{1,7}$/.test(parts[1]) || !BASE64URL.test(parts[2])) {
    return Promise.resolve(problem("not-a-link"));
  }
  if (parts[0] !== VERSION) {
    return Promise.resolve(problem(Number(parts[0]) > Number(VERSION) ? "newer-version" : "not-a-link", parts[0]));
  }
  let compressed;
  try {
    compressed = fromBase64url(parts[2]);
  } catch (_error) {
    return Promise.resolve(problem("damaged"));
  }
  return inflate(compressed, maxBytes).then(
    (bytes) => {
      if (crc32(bytes).toString(36) !== parts[1]) {
        return problem("damaged");
      }
      let packed;
      try {
        packed = JSON.parse(new TextDecoder("utf-8", { fatal: true }).decode(bytes));
      } catch (_error) {
        return problem("invalid", "json");
      }
      const wrong = checkPacked(packed);
      return wrong ? problem("invalid", wrong) : { ok: true, assessment: unpackAssessment(packed) };
    },
    (error) => problem(error && error.code === "too-large" ? "too-large" : "damaged"),
  );
}

/* The token in a URL fragment such as "#share=1.abc.xyz", or "" when it holds none. */
function tokenFromHash(hash, name) {
  const text = String(hash || "").replace(/^#/, "");
  const prefix = `${name}=`;
  const parts = text.split("&");
  for (let i = 0; i < parts.length; i += 1) {
    if (parts[i].indexOf(prefix) === 0) {
      return parts[i].slice(prefix.length);
    }
  }
  return "";
}

function linkFor(pageUrl, name, token) {
  return `${String(pageUrl).split("#")[0]}#${name}=${token}`;
}

export {
  VERSION,
  encode,
  decode,
  tokenFromHash,
  linkFor,
  packAssessment,
  crc32,
  toBase64url,
  fromBase64url,
  deflate,
  inflate,
};
