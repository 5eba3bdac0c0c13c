#!/usr/bin/env node
// `npm run cli -- <command>`: builds the CLI when the sources are newer than the build, then runs it.
require(require('./build-if-needed').ensureBuilt('cli'));
