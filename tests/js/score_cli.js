/*
 * A line-oriented bridge for tests/test_scoring.py: one node process answers many requests.
 * Each stdin line is a JSON request, each stdout line the JSON answer, in order:
 *   {"op": "score", "edition": {...}, "answers": {...}}   -> score(edition, answers)
 *   {"op": "check", "data": <any JSON>, "settings": {...}} -> checkShape(data, settings) (problems)
 * Not a test file itself (node --test picks only *.test.mjs and the like).
 */
const path = require("node:path");
const readline = require("node:readline");
const { pathToFileURL } = require("node:url");

/* The sources are ES modules: imported once, before the first request is read. */
const modules = Promise.all(
  ["scoring", "export"].map(
    (name) => import(pathToFileURL(path.join(__dirname, `../../selfcheck/src/lib/${name}.js`)).href),
  ),
);

function handle(request, [scoring, exportFile]) {
  if (request.op === "score") {
    return scoring.score(request.edition, request.answers);
  }
  if (request.op === "rounded_tier") {
    return scoring.roundedTier(request.edition, request.met);
  }
  if (request.op === "check") {
    return exportFile.checkShape(request.data, request.settings);
  }
  throw new Error(`unknown op: ${request.op}`);
}

const lines = readline.createInterface({ input: process.stdin, terminal: false });
// Replies keep the order of the requests: each waits for the one before it.
let previous = modules;
lines.on("line", (line) => {
  previous = previous.then((loaded) => {
    let reply;
    try {
      reply = { ok: true, value: handle(JSON.parse(line), loaded) };
    } catch (error) {
      reply = { ok: false, error: String(error?.stack || error) };
    }
    process.stdout.write(`${JSON.stringify(reply)}\n`);
    return loaded;
  });
});
