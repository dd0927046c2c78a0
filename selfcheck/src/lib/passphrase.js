/*
 * Optional passphrase protection of a link token, a request, a reply or a file's text, so that a
 * link forwarded by mistake reveals nothing. Web Crypto only (globalThis.crypto.subtle, in
 * browsers and node 20): AES-GCM 256 with a key derived by PBKDF2-SHA-256. No DOM, no storage;
 * the random source can be passed in so tests are exact.
 *
 * A protected text is self-describing and versioned, so it is recognised before anyone is asked
 * for a passphrase:
 *
 *   wwcp1.<iterations, base36>.<ciphertext bytes, base36>.<crc32, base36>.<base64url of salt|iv|check|ciphertext>
 *
 * PBKDF2 gives 320 bits: 256 for the AES key and 64 for `check`, which tells a wrong passphrase
 * from a changed ciphertext (GCM alone cannot). The crc32 over the whole text and the declared
 * length tell a link cut short ("truncated") from one changed in transit ("tampered").
 */
import { crc32, fromBase64url, toBase64url } from "./share.js";

/* The one place these numbers live. ITERATIONS follows OWASP's advice for PBKDF2-SHA-256
   (600,000); a text naming more than MAX_ITERATIONS is refused unread, so a crafted link cannot
   hold the page for long (600,000 take about a second). */
const ITERATIONS = 600000;
const MAX_ITERATIONS = 2000000;
const SALT_BYTES = 16;
const IV_BYTES = 12;
const CHECK_BYTES = 8;
const TAG_BYTES = 16;
const PREFIX = "wwcp";
const VERSION = 1;
const HEAD = SALT_BYTES + IV_BYTES + CHECK_BYTES;

/**
 * @typedef {"not-protected" | "newer-version" | "truncated" | "tampered" | "too-long" | "no-passphrase" |
 *   "wrong-passphrase"} Refusal
 * @typedef {{ok: true, text: string} | {ok: false, error: {code: Refusal}}} Opened
 */

/**
 * @param {Refusal} code
 * @returns {{ok: false, error: {code: Refusal}}}
 */
function refuse(code) {
  return { ok: false, error: { code: code } };
}

/**
 * Whether `text` is a protected text of any version (what the page checks before asking for a
 * passphrase). A newer version counts: unprotect() then says it is from a newer guide.
 * @param {unknown} text
 * @returns {boolean}
 */
function isProtected(text) {
  return typeof text === "string" && /^wwcp[0-9]+\./.test(text.trim());
}

/* NFC, so the same passphrase typed on two systems gives the same key. */
function passphraseBytes(passphrase) {
  return new TextEncoder().encode(String(passphrase).normalize("NFC"));
}

/**
 * @param {string} passphrase
 * @param {BufferSource} salt
 * @param {number} iterations
 * @returns {Promise<{key: CryptoKey, check: Uint8Array}>}
 */
async function derive(passphrase, salt, iterations) {
  const subtle = globalThis.crypto.subtle;
  const material = await subtle.importKey("raw", passphraseBytes(passphrase), "PBKDF2", false, ["deriveBits"]);
  const bits = new Uint8Array(
    await subtle.deriveBits({ name: "PBKDF2", hash: "SHA-256", salt: salt, iterations: iterations }, material, 320),
  );
  const key = await subtle.importKey("raw", bits.slice(0, 32), "AES-GCM", false, ["encrypt", "decrypt"]);
  return { key: key, check: bits.slice(32) };
}

function header(iterations, length) {
  return `${PREFIX}${VERSION}.${iterations.toString(36)}.${length.toString(36)}`;
}

function checksum(head, blob) {
  const headBytes = new TextEncoder().encode(head);
  const all = new Uint8Array(headBytes.length + blob.length);
  all.set(headBytes, 0);
  all.set(blob, headBytes.length);
  return crc32(all).toString(36);
}

/**
 * The protected form of `text`.
 * @param {string} text
 * @param {string} passphrase
 * @param {{iterations?: number, random?: (bytes: Uint8Array<ArrayBuffer>) => Uint8Array<ArrayBuffer>}} [options] `iterations`
 *   only for tests (the default is ITERATIONS); `random` fills salt and IV (default crypto.getRandomValues)
 * @returns {Promise<string>}
 */
async function protect(text, passphrase, options) {
  const o = options || {};
  const iterations = o.iterations || ITERATIONS;
  if (!String(passphrase)) {
    throw new Error("protect() needs a passphrase");
  }
  /** @type {(bytes: Uint8Array<ArrayBuffer>) => Uint8Array<ArrayBuffer>} */
  const fill = o.random || ((bytes) => globalThis.crypto.getRandomValues(bytes));
  const salt = fill(new Uint8Array(SALT_BYTES));
  const iv = fill(new Uint8Array(IV_BYTES));
  const { key, check } = await derive(passphrase, salt, iterations);
  const plain = new TextEncoder().encode(String(text));
  const cipher = new Uint8Array(await globalThis.crypto.subtle.encrypt({ name: "AES-GCM", iv: iv }, key, plain));
  const blob = new Uint8Array(HEAD + cipher.length);
  blob.set(salt, 0);
  blob.set(iv, SALT_BYTES);
  blob.set(check, SALT_BYTES + IV_BYTES);
  blob.set(cipher, HEAD);
  const head = header(iterations, cipher.length);
  return `${head}.${checksum(head, blob)}.${toBase64url(blob)}`;
}

/* The parts of a protected text, or the refusal its shape already earns. */
function parse(text, maxChars) {
  if (!isProtected(text)) {
    return refuse("not-protected");
  }
  const token = text.trim();
  if (token.length > maxChars) {
    return refuse("too-long");
  }
  const parts = token.split(".");
  const version = Number(parts[0].slice(PREFIX.length));
  if (version > VERSION) {
    return refuse("newer-version");
  }
  if (version !== VERSION) {
    return refuse("not-protected");
  }
  if (parts.length < 5) {
    return refuse("truncated");
  }
  const numbers = /^[0-9a-z]{1,12}$/;
  if (parts.length > 5 || !numbers.test(parts[1]) || !numbers.test(parts[2]) || !/^[0-9a-z]{1,7}$/.test(parts[3])) {
    return refuse("tampered");
  }
  if (!/^[A-Za-z0-9_-]*$/.test(parts[4])) {
    return refuse("tampered");
  }
  const iterations = parseInt(parts[1], 36);
  const length = parseInt(parts[2], 36);
  // A cut can leave one base64 character, which holds no whole byte: what is left is short.
  const blob = /** @type {Uint8Array<ArrayBuffer>} */ (
    fromBase64url(parts[4].length % 4 === 1 ? parts[4].slice(0, -1) : parts[4])
  );
  if (blob.length < HEAD + length) {
    return refuse("truncated");
  }
  if (blob.length > HEAD + length || length < TAG_BYTES || iterations < 1 || iterations > MAX_ITERATIONS) {
    return refuse("tampered");
  }
  if (checksum(`${parts[0]}.${parts[1]}.${parts[2]}`, blob) !== parts[3]) {
    return refuse("tampered");
  }
  return { ok: true, iterations: iterations, blob: blob };
}

function sameBytes(a, b) {
  let difference = a.length ^ b.length;
  for (let i = 0; i < a.length && i < b.length; i += 1) {
    difference |= a[i] ^ b[i];
  }
  return difference === 0;
}

/**
 * The text inside a protected text. Never rejects; refusals: not-protected, newer-version,
 * too-long, truncated, tampered, no-passphrase, wrong-passphrase.
 * @param {string} text
 * @param {string} passphrase
 * @param {{max_chars: number}} limits the longest text read (the share link's max_chars)
 * @returns {Promise<Opened>}
 */
async function unprotect(text, passphrase, limits) {
  const parsed = parse(text, limits.max_chars);
  if (!parsed.ok) {
    return /** @type {Opened} */ (parsed);
  }
  if (typeof passphrase !== "string" || !passphrase) {
    return refuse("no-passphrase");
  }
  const blob = parsed.blob;
  const salt = blob.slice(0, SALT_BYTES);
  const iv = blob.slice(SALT_BYTES, SALT_BYTES + IV_BYTES);
  const { key, check } = await derive(passphrase, salt, parsed.iterations);
  if (!sameBytes(check, blob.slice(SALT_BYTES + IV_BYTES, HEAD))) {
    return refuse("wrong-passphrase");
  }
  try {
    const plain = await globalThis.crypto.subtle.decrypt({ name: "AES-GCM", iv: iv }, key, blob.slice(HEAD));
    return { ok: true, text: new TextDecoder("utf-8", { fatal: true }).decode(plain) };
  } catch (_error) {
    return refuse("tampered");
  }
}

export { ITERATIONS, MAX_ITERATIONS, isProtected, protect, unprotect };
