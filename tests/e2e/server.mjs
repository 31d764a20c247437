// Test fixture: a demo database with three users and `zhizao serve` on a free loopback port.
// Everything lives in a temporary folder that stop() removes.
import { execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** A free TCP port on 127.0.0.1 (the kernel picks it; we release it right away). */
export function freePort() {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address();
      probe.close(() => resolve(port));
    });
  });
}

/** Runs `zhizao ARGS` and returns its standard output; `input` goes to its standard input. */
export function zhizao(binary, args, input) {
  return execFileSync(binary, args, { input, maxBuffer: 64 << 20, stdio: ['pipe', 'pipe', 'pipe'] }).toString();
}

async function waitForHealth(baseUrl, server, deadlineMs) {
  const until = Date.now() + deadlineMs;
  while (Date.now() < until) {
    if (server.exitCode !== null) throw new Error(`zhizao serve exited with ${server.exitCode}`);
    try {
      const response = await fetch(`${baseUrl}/api/health`);
      if (response.ok) return;
    } catch {
      // Not listening yet.
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`zhizao serve did not answer ${baseUrl}/api/health in ${deadlineMs} ms`);
}

/**
 * Creates the demo database, the users {admin, county (410302), city, enterprise (a key enterprise
 * of 410302)} and starts the server on webRoot. Returns {baseUrl, users, enterprise, stop()}.
 */
export async function startDemoServer(binary, webRoot) {
  const dir = mkdtempSync(join(tmpdir(), 'zhizao-e2e-'));
  const db = join(dir, 'demo.db');
  zhizao(binary, ['demo', '--db', db]);

  // The enterprise user: the key enterprise of 老城区 with the most months, so that the county
  // user 410302 reviews its submission.
  const county = '410302';
  const explained = JSON.parse(zhizao(binary, ['explain', '--db', db, '--period', '2021-04', '--region', county, '--json']));
  const enterprise = explained.enterprises.find((e) => e.pairs > 0) ?? explained.enterprises[0];
  const users = {
    admin: { name: 'admin', password: 'admin-e2e-passw0rd', role: 'admin' },
    county: { name: 'laocheng', password: 'county-e2e-passw0rd', role: `county:${county}` },
    city: { name: 'shiji', password: 'city-e2e-passw0rd', role: 'city' },
    enterprise: { name: 'firm', password: 'firm-e2e-passw0rd', role: `enterprise:${enterprise.uscc}` },
  };
  for (const user of Object.values(users)) {
    zhizao(binary, ['user', 'add', '--db', db, user.name, '--role', user.role], `${user.password}\n`);
  }

  const port = await freePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  // Every test signs in anew from the same address: no login rate limit here.
  const server = spawn(binary, ['serve', '--db', db, '--bind', '127.0.0.1', '--port', String(port), '--web-root', webRoot, '--login-limit', '0'], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let log = '';
  server.stdout.on('data', (d) => (log += d));
  server.stderr.on('data', (d) => (log += d));
  try {
    await waitForHealth(baseUrl, server, 30000);
  } catch (error) {
    server.kill('SIGTERM');
    rmSync(dir, { recursive: true, force: true });
    throw new Error(`${error.message}\n${log}`);
  }
  return {
    baseUrl,
    users,
    enterprise,
    county,
    db,
    log: () => log,
    stop: async () => {
      if (server.exitCode === null) {
        const exited = new Promise((r) => server.once('exit', r));
        server.kill('SIGTERM');
        await Promise.race([exited, new Promise((r) => setTimeout(r, 5000))]);
        if (server.exitCode === null) server.kill('SIGKILL');
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
