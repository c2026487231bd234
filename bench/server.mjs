// A small static server for the bench: serves built folders gzipped from memory on 127.0.0.1 and logs what each
// request transferred, so byte counts are what the browser received and not what a bundler reported.
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize } from 'node:path';
import { gzipSync } from 'node:zlib';

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript',
  '.mjs': 'text/javascript',
  '.css': 'text/css',
  '.json': 'application/json',
  '.geojson': 'application/geo+json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.pbf': 'application/x-protobuf',
};
const COMPRESSIBLE = new Set(['.html', '.js', '.mjs', '.css', '.json', '.geojson', '.svg', '.pbf']);

/** Which column of the byte table a file counts in. */
export function kindOf(path) {
  const ext = extname(path);
  if (ext === '.js' || ext === '.mjs') return 'js';
  if (ext === '.css') return 'css';
  if (ext === '.json' || ext === '.geojson' || ext === '.pbf') return 'data';
  return 'other';
}

/**
 * @param mounts [{ prefix: '/bench/', dir }] matched in order; a path ending in '/' serves index.html.
 * @returns { url, transfers, close } where transfers is the live log of { path, kind, raw, gzip }.
 */
export async function startServer(mounts) {
  const cache = new Map(); // file path -> { body, gzipped, type }
  const transfers = [];

  async function load(file) {
    if (!cache.has(file)) {
      const body = await readFile(file);
      const ext = extname(file);
      cache.set(file, { body, gzipped: COMPRESSIBLE.has(ext) ? gzipSync(body, { level: 6 }) : null, type: TYPES[ext] ?? 'application/octet-stream' });
    }
    return cache.get(file);
  }

  async function resolve(pathname) {
    const mount = mounts.find((m) => pathname.startsWith(m.prefix));
    if (!mount) return null;
    const rest = normalize(decodeURIComponent(pathname.slice(mount.prefix.length)));
    if (rest.startsWith('..')) return null;
    const file = join(mount.dir, rest.endsWith('/') || rest === '.' ? join(rest, 'index.html') : rest);
    const info = await stat(file).catch(() => null);
    return info?.isFile() ? file : null;
  }

  const server = createServer(async (request, response) => {
    const { pathname } = new URL(request.url, 'http://localhost');
    const file = await resolve(pathname);
    if (!file) {
      response.writeHead(404).end();
      return;
    }
    const entry = await load(file);
    const gzip = entry.gzipped && /\bgzip\b/.test(request.headers['accept-encoding'] ?? '');
    const body = gzip ? entry.gzipped : entry.body;
    response.writeHead(200, {
      'Content-Type': entry.type,
      'Content-Length': body.length,
      'Cache-Control': 'no-cache',
      ...(gzip ? { 'Content-Encoding': 'gzip', Vary: 'Accept-Encoding' } : {}),
    });
    response.end(body);
    transfers.push({ path: pathname, kind: kindOf(pathname), raw: entry.body.length, gzip: body.length });
  });
  await new Promise((done) => server.listen(0, '127.0.0.1', done));
  return {
    url: `http://127.0.0.1:${server.address().port}`,
    transfers,
    close: () => new Promise((done) => server.close(done)),
  };
}
