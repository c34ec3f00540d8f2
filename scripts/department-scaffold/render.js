'use strict';
/**
 * Fills the template's `{{placeholder}}`s. A placeholder without a value is an error, not an
 * empty string: a template edited with a typo must not write a broken department.
 */
const fs = require('node:fs');
const path = require('node:path');

const TEMPLATE_DIR = path.join(__dirname, 'template');

function fill(text, names, where) {
  return text.replace(/\{\{(\w+)\}\}/g, (_, key) => {
    if (!(key in names)) throw new Error(`${where}: unknown placeholder {{${key}}}`);
    return names[key];
  });
}

/** Every file of the template as [path in the repository, content], `.tpl` dropped. */
function renderTemplate(names) {
  const files = [];
  const walk = (dir) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else {
        const relative = path.relative(TEMPLATE_DIR, full).split(path.sep).join('/').replace(/\.tpl$/, '');
        files.push([fill(relative, names, relative), fill(fs.readFileSync(full, 'utf8'), names, relative)]);
      }
    }
  };
  walk(TEMPLATE_DIR);
  return files;
}

module.exports = { renderTemplate };
