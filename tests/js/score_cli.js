"use strict";
/*
 * A line-oriented bridge for tests/test_scoring.py: one node process answers many requests.
 * Each stdin line is a JSON request, each stdout line the JSON answer, in order:
 *   {"op": "score", "edition": {...}, "answers": {...}}   -> score(edition, answers)
 *   {"op": "check", "data": <any JSON>, "settings": {...}} -> checkShape(data, settings) (problems)
 * Not a test file itself (node --test picks only *.test.js).
 */
const path = require("node:path");
const readline = require("node:readline");

const scoring = require(path.join(__dirname, "../../docs/assets/javascripts/wwc-scoring.js"));
const exportFile = require(path.join(__dirname, "../../docs/assets/javascripts/wwc-export.js"));

function handle(request) {
  if (request.op === "score") {
    return scoring.score(request.edition, request.answers);
  }
  if (request.op === "rounded_tier") {
    return scoring.roundedTier(request.edition, request.met);
  }
  if (request.op === "check") {
    return exportFile.checkShape(request.data, request.settings);
  }
  throw new Error("unknown op: " + request.op);
}

const lines = readline.createInterface({ input: process.stdin, terminal: false });
lines.on("line", (line) => {
  let reply;
  try {
    reply = { ok: true, value: handle(JSON.parse(line)) };
  } catch (error) {
    reply = { ok: false, error: String(error && error.stack || error) };
  }
  process.stdout.write(JSON.stringify(reply) + "\n");
});
