#!/usr/bin/env node
// `npm start`: builds the API when the sources are newer than the build, then serves it.
require(require('./build-if-needed').ensureBuilt('api'));
