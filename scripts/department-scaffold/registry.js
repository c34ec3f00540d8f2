'use strict';
/**
 * Adds a department to src/departments/index.ts: its import after the others, and its module at
 * the end of the list. Refuses a file laid out otherwise rather than guess.
 */
const LIST = /(export const departments: DepartmentModule\[\] = \[)([^\]]*)(\];)/;

function registered(text, name) {
  const list = LIST.exec(text);
  const imports = [...text.matchAll(/^import .*;\n/gm)];
  if (!list || imports.length === 0) {
    throw new Error('src/departments/index.ts is not laid out as expected (imports, then `export const departments: DepartmentModule[] = [...];`): add the line by hand');
  }
  const last = imports[imports.length - 1];
  const at = last.index + last[0].length;
  const withImport = `${text.slice(0, at)}import { ${name}Department } from './${name}';\n${text.slice(at)}`;
  return withImport.replace(LIST, (_, open, items, close) => `${open}${items.trim() ? `${items.trim()}, ` : ''}${name}Department${close}`);
}

module.exports = { registered };
