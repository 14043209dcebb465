// Parse GIFT files with gift-pegjs (an independent, Moodle-style PEG parser) and print them as JSON:
// {"<file>": [question, ...]}. A syntax error exits 1 with the file, line and column on stderr.
// Used by tests/unit/test_export_gift.py; installed by `make setup` (npm ci).
"use strict";
const fs = require("fs");
const { parse } = require("gift-pegjs");

const parsed = {};
for (const file of process.argv.slice(2)) {
  try {
    parsed[file] = parse(fs.readFileSync(file, "utf8"));
  } catch (error) {
    const where = error.location ? `:${error.location.start.line}:${error.location.start.column}` : "";
    process.stderr.write(`${file}${where}: ${error.message}\n`);
    process.exit(1);
  }
}
process.stdout.write(JSON.stringify(parsed));
