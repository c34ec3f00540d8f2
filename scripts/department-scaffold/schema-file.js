'use strict';
/**
 * Writes schema/schema.graphql from the sources, as `npm run schema` does from the build, but
 * without building: each .ts file is transpiled on require (TypeScript's transpileModule, file by
 * file, as ts-jest does under `isolatedModules`). A full build takes ~20 s of CPU; this takes a few.
 */
const fs = require('node:fs');
const path = require('node:path');

function requireTypeScriptSources(root) {
  const ts = require(require.resolve('typescript', { paths: [root] }));
  const { config, error } = ts.readConfigFile(path.join(root, 'tsconfig.json'), ts.sys.readFile);
  if (error) throw new Error(ts.flattenDiagnosticMessageText(error.messageText, '\n'));
  const { options } = ts.convertCompilerOptionsFromJson(config.compilerOptions, root);
  const compilerOptions = { ...options, sourceMap: false, inlineSourceMap: false, declaration: false };
  require.extensions['.ts'] = (module, filename) => {
    const { outputText } = ts.transpileModule(fs.readFileSync(filename, 'utf8'), { compilerOptions, fileName: filename });
    module._compile(outputText, filename);
  };
}

async function writeSchemaFile(root) {
  requireTypeScriptSources(root);
  require(require.resolve('reflect-metadata', { paths: [root] }));
  const { printHubSchema } = require(path.join(root, 'src/core/graphql/print-hub-schema'));
  const { schemaOf } = require(path.join(root, 'src/schema-of'));
  const { departments } = require(path.join(root, 'src/departments'));
  fs.writeFileSync(path.join(root, 'schema/schema.graphql'), printHubSchema(await schemaOf(departments)));
}

module.exports = { writeSchemaFile };
