import { execFileSync } from 'node:child_process';
import net from 'node:net';
import path from 'node:path';
import { createConnection } from 'mysql2/promise';

const DEFAULT_MYSQL_URL = 'mysql://root@127.0.0.1:3306';
const DEFAULT_REDIS_URL = 'redis://127.0.0.1:6379';

async function mysqlAnswers(url: string): Promise<boolean> {
  try {
    const connection = await createConnection({ uri: url, connectTimeout: 3_000 });
    await connection.query('SELECT 1');
    await connection.end();
    return true;
  } catch {
    return false;
  }
}

async function redisAnswers(url: string): Promise<boolean> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve) => {
    const socket = net.connect({ host: hostname, port: Number(port || 6379), timeout: 2_000 });
    socket.once('connect', () => socket.write('PING\r\n'));
    socket.once('data', (data) => {
      socket.destroy();
      resolve(data.toString().startsWith('+PONG'));
    });
    socket.once('error', () => resolve(false));
    socket.once('timeout', () => {
      socket.destroy();
      resolve(false);
    });
  });
}

/**
 * Decides, once for the run, whether the MySQL and Redis suites run: they do where a server
 * answers; REQUIRE_MYSQL=1 / REQUIRE_REDIS=1 turn a missing server into a failed run.
 * Workers read the outcome from XH_TEST_MYSQL_URL / XH_TEST_REDIS_URL.
 */
export default async function globalSetup(): Promise<void> {
  const mysqlUrl = process.env.MYSQL_URL || DEFAULT_MYSQL_URL;
  if (await mysqlAnswers(mysqlUrl)) {
    process.env.XH_TEST_MYSQL_URL = mysqlUrl;
  } else if (process.env.REQUIRE_MYSQL === '1') {
    throw new Error(`REQUIRE_MYSQL=1 but no MySQL answers at ${mysqlUrl.replace(/:[^:@/]*@/, ':***@')}`);
  } else {
    process.stdout.write(`\nMySQL suites skipped: no MySQL answers at ${mysqlUrl} (REQUIRE_MYSQL=1 fails the run instead)\n`);
  }
  const redisUrl = process.env.REDIS_TEST_URL || DEFAULT_REDIS_URL;
  if (await redisAnswers(redisUrl)) {
    process.env.XH_TEST_REDIS_URL = redisUrl;
  } else if (process.env.REQUIRE_REDIS === '1') {
    throw new Error(`REQUIRE_REDIS=1 but no Redis answers at ${redisUrl}`);
  } else {
    process.stdout.write(`Redis suites skipped: no Redis answers at ${redisUrl} (REQUIRE_REDIS=1 fails the run instead)\n`);
  }
  // The process-level tests start the hub as `npm start` does, from the compiled build.
  execFileSync(process.execPath, [require.resolve('typescript/bin/tsc'), '-p', 'tsconfig.build.json'], {
    cwd: path.resolve(__dirname, '../..'),
    stdio: 'inherit',
  });
  // The screen suites open the page in a browser: its bundle is rebuilt when src/screen/ is newer.
  execFileSync(process.execPath, ['dist/src/server/screen/build-screen.js', '--if-stale'], { cwd: path.resolve(__dirname, '../..'), stdio: 'inherit' });
}
