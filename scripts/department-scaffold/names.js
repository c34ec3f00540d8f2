'use strict';
/**
 * What `npm run new:department` accepts as a department's name and title, and the identifiers it
 * derives from them. The name is also the data source's name (`<NAME>_DB_URL`), a folder, a
 * TypeScript identifier prefix and a MySQL database name in the tests, hence the narrow rule.
 */
const fs = require('node:fs');
const path = require('node:path');

const NAME_RULE = /^[a-z][a-z0-9]{1,19}$/;
// Letters of any script (中文 included), digits, spaces and the brackets of official names: nothing
// that could end a string literal or a comment in the files the title is written into.
const TITLE_RULE = /^[\p{L}\p{N} ·()（）-]{1,20}$/u;

/** Names a department cannot take, and why. */
const RESERVED = {
  hub: 'the hub’s own data source is called hub (HUB_DB_URL)',
  index: 'src/departments/index.ts is the registry; a folder of that name would shadow it',
};

/** Why `name` cannot be a new department here, or null when it can. */
function refusalOfName(root, name) {
  if (!NAME_RULE.test(name)) {
    return `"${name}" is not a lowercase identifier: 2–20 characters, a lowercase letter then lowercase letters or digits (e.g. housing)`;
  }
  if (RESERVED[name]) return `"${name}" is reserved: ${RESERVED[name]}`;
  const taken = [`src/departments/${name}`, `migrations/${name}`, `test/departments/${name}`].filter((p) => fs.existsSync(path.join(root, p)));
  if (taken.length > 0) return `a department "${name}" exists already (${taken.join(', ')})`;
  const registry = fs.readFileSync(path.join(root, 'src/departments/index.ts'), 'utf8');
  if (registry.includes(`'./${name}'`)) return `a department "${name}" is registered already in src/departments/index.ts`;
  return null;
}

function refusalOfTitle(title) {
  return TITLE_RULE.test(title) ? null : `title "${title}" must be 1–20 letters, digits or spaces, e.g. 住保局`;
}

/** The placeholders of the template, for one department. */
function namesOf(name, title, timestamp) {
  return {
    name,
    Name: name[0].toUpperCase() + name.slice(1),
    NAME: name.toUpperCase(),
    title,
    timestamp: String(timestamp),
  };
}

module.exports = { refusalOfName, refusalOfTitle, namesOf, RESERVED };
