'use strict';
// The built-in definitions: every *.json twin in this folder, in file-name order. Adding a form
// (or an agency's org units) is adding its workbook and its twin here; no code names them.
// The add-in's bundle gets the same list at build time (scripts/buildAddin.ts).
const { readdirSync, readFileSync } = require('node:fs');
const { join } = require('node:path');

let documents = null;

function builtInDocuments() {
  documents ??= readdirSync(__dirname)
    .filter((f) => f.endsWith('.json') && f !== 'package.json')
    .sort()
    .map((f) => JSON.parse(readFileSync(join(__dirname, f), 'utf8')));
  return documents;
}

module.exports = { builtInDocuments };
