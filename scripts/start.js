#!/usr/bin/env node
// `npm start`: builds the API and the web app when their sources are newer than their builds, then serves both.
const { ensureBuilt, ensureWebBuilt } = require('./build-if-needed');

ensureWebBuilt();
require(ensureBuilt('api'));
