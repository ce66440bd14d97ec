import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** A message as the sink parsed it with Python's e-mail package (see smtp-sink.py). */
export type SunkMail = {
  mailFrom: string;
  rcptTos: string[];
  from: string;
  to: string;
  cc: string;
  replyTo: string;
  subject: string;
  text: string;
  attachments: { fileName: string; contentType: string; size: number; head: string }[];
  login: boolean;
};

export type SinkOptions = { port: number; spool: string; user?: string; password?: string; tls?: 'implicit' | 'starttls'; cert?: string; key?: string };

export type SmtpSink = {
  port: number;
  received(): SunkMail[];
  /** Waits (bounded) until the sink holds at least `count` messages. */
  waitFor(count: number, timeoutMs?: number): Promise<SunkMail[]>;
  /** Stops this sink's own process, by its pid. */
  stop(): Promise<void>;
};

const script = join(import.meta.dirname, 'smtp-sink.py');

/** A TCP port on 127.0.0.1 that nothing listens on right now. */
export function freeLoopbackPort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

/** A self-signed certificate for 127.0.0.1, made with openssl in `dir`. */
export function selfSignedCertificate(dir: string): { cert: string; key: string } {
  const cert = join(dir, 'sink-cert.pem');
  const key = join(dir, 'sink-key.pem');
  const made = spawnSync('openssl', [
    'req',
    '-x509',
    '-newkey',
    'rsa:2048',
    '-nodes',
    '-keyout',
    key,
    '-out',
    cert,
    '-days',
    '2',
    '-subj',
    '/CN=127.0.0.1',
    '-addext',
    'subjectAltName=IP:127.0.0.1',
  ]);
  if (made.status !== 0) throw new Error(`openssl could not make a certificate: ${made.stderr.toString()}`);
  return { cert, key };
}

const readSpool = (spool: string): SunkMail[] =>
  readdirSync(spool)
    .filter((name) => name.endsWith('.json'))
    .sort()
    .map((name) => JSON.parse(readFileSync(join(spool, name), 'utf8')) as SunkMail);

/** Starts the aiosmtpd sink (Debian python3-aiosmtpd) on 127.0.0.1:port; resolves once it listens. */
export async function startSmtpSink(options: SinkOptions): Promise<SmtpSink> {
  mkdirSync(options.spool, { recursive: true });
  const args = [script, '--port', String(options.port), '--spool', options.spool];
  if (options.user) args.push('--user', options.user, '--password', options.password ?? '');
  if (options.tls) args.push('--tls', options.tls, '--cert', options.cert!, '--key', options.key!);
  const child: ChildProcess = spawn('/usr/bin/python3', args, { stdio: ['ignore', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`The SMTP sink did not start in 15 s: ${stderr}`)), 15_000);
    child.stdout!.on('data', (chunk: Buffer) => {
      if (chunk.toString().includes('READY')) {
        clearTimeout(timer);
        resolve();
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`The SMTP sink stopped at start (exit ${code}): ${stderr}`));
    });
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  return {
    port: options.port,
    received: () => readSpool(options.spool),
    async waitFor(count, timeoutMs = 20_000) {
      for (const end = Date.now() + timeoutMs; Date.now() < end; await new Promise((r) => setTimeout(r, 50))) {
        const mails = readSpool(options.spool);
        if (mails.length >= count) return mails;
      }
      throw new Error(`The SMTP sink holds ${readSpool(options.spool).length} messages, not ${count}.`);
    },
    async stop() {
      if (child.exitCode !== null || child.pid === undefined) return;
      process.kill(child.pid, 'SIGTERM');
      const killTimer = setTimeout(() => child.pid && child.exitCode === null && process.kill(child.pid, 'SIGKILL'), 5_000);
      await exited;
      clearTimeout(killTimer);
    },
  };
}

/** A sink on a free loopback port spooling into a temp folder of its own, which `stop()` also removes (for the e2e specs). */
export async function startTempSmtpSink(options: Partial<Pick<SinkOptions, 'user' | 'password'>> = {}): Promise<SmtpSink> {
  const spool = mkdtempSync(join(tmpdir(), 'hashdesk-e2e-sink-'));
  const sink = await startSmtpSink({ port: await freeLoopbackPort(), spool, ...options });
  return {
    ...sink,
    async stop() {
      await sink.stop();
      rmSync(spool, { recursive: true, force: true });
    },
  };
}
