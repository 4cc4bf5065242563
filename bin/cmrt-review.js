#!/usr/bin/env node
// The `cmrt-review` command. The CLI itself is TypeScript (src/cli/main.ts), compiled to lib/ by `npm run build:cli`.
'use strict';

const path = require('path');

const entry = path.join(__dirname, '..', 'lib', 'cli', 'main.js');

let cli;
try {
  cli = require(entry);
} catch (err) {
  if (err && err.code === 'MODULE_NOT_FOUND' && String(err.message).includes(entry)) {
    console.error(`cmrt-review: ${entry} is missing. Run \`npm run build:cli\` first.`);
    process.exit(2);
  }
  throw err;
}

if (!cli || typeof cli.main !== 'function') {
  console.error(`cmrt-review: ${entry} does not export main().`);
  process.exit(2);
}

Promise.resolve()
  .then(() => cli.main(process.argv.slice(2)))
  .then(
    (code) => {
      // exitCode rather than exit() so buffered stdout is flushed first.
      process.exitCode = typeof code === 'number' ? code : 0;
    },
    (err) => {
      console.error(err && err.stack ? err.stack : String(err));
      process.exitCode = 1;
    },
  );
