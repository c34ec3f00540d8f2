import fs from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import path from 'node:path';
import { sendJson } from './send';

const CONTENT_TYPES: Record<string, string> = {
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.ttf': 'font/ttf',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
};

/**
 * Sends one file of a bundle `npm run build` wrote (the IDE's, the screen's): only plain file
 * names of the bundle's own directory, the gzipped copy when the browser takes gzip.
 */
export function sendBundleFile(
  request: IncomingMessage,
  response: ServerResponse,
  { dir, name, what, cacheControl }: { dir: string; name: string; what: string; cacheControl: string },
): void {
  const type = CONTENT_TYPES[path.extname(name)];
  // No directories, no dot files, no way out of the bundle.
  if (!type || !/^[A-Za-z0-9._-]+$/.test(name) || name.startsWith('.') || !fs.existsSync(path.join(dir, name))) {
    return sendJson(response, 404, { error: `no ${what} file ${name}` });
  }
  const gzipped = /\bgzip\b/.test(String(request.headers['accept-encoding'] ?? '')) && fs.existsSync(path.join(dir, `${name}.gz`));
  const file = path.join(dir, gzipped ? `${name}.gz` : name);
  response.writeHead(200, {
    'content-type': type,
    'content-length': fs.statSync(file).size,
    'x-content-type-options': 'nosniff',
    'cache-control': cacheControl,
    vary: 'accept-encoding',
    ...(gzipped ? { 'content-encoding': 'gzip' } : {}),
  });
  if (request.method === 'HEAD') return void response.end();
  fs.createReadStream(file).pipe(response);
}
