import { createHash } from 'node:crypto';
import http from 'node:http';
import type net from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { closedPort, onJsonRequest, tcpServer, type Loopback } from '../testing/loopback';
import { digestAuthorization, httpJson, httpRequest, parseDigestChallenge } from './http-client';
import { rpcCall, rpcCalls, rpcExchange } from './rpc-client';
import { frameWm3, wm3Call } from './whatsminer-v3';

// A TLS 1.2 ServerHello record header and the start of its handshake message.
const SERVER_HELLO = Buffer.from('160303004a0200004603035f1d2c3b4a5968778695a4b3c2d1e0f00112233445566778899aabbccddeeff00', 'hex');

const servers: Loopback[] = [];
const serve = async (onConnection: (s: net.Socket) => void) => {
  const s = await tcpServer(onConnection);
  servers.push(s);
  return s;
};
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => s.close()));
});

describe('CGMiner RPC client', () => {
  it('reads a NUL-terminated reply and sends one compact JSON request', async () => {
    let seen: Record<string, unknown> | null = null;
    const s = await serve((sock) =>
      onJsonRequest(sock, (req) => {
        seen = req;
        sock.write('{"STATUS":[{"STATUS":"S","Msg":"ok"}],"VERSION":[{"Type":"Antminer S19"}]}\0');
      }),
    );
    const r = await rpcCall(s.host, 'version', undefined, { port: s.port });
    expect(seen).toEqual({ command: 'version' });
    expect(r).toEqual({ ok: true, value: { STATUS: [{ STATUS: 'S', Msg: 'ok' }], VERSION: [{ Type: 'Antminer S19' }] } });
  });

  it('joins a reply sent in thousands of small pieces, the NUL in the last one', async () => {
    const text = JSON.stringify({ STATUS: [{ STATUS: 'S' }], DEVS: Array.from({ length: 2000 }, (_, i) => ({ ID: i, 'MHS 5s': i * 1.5 })) });
    const s = await serve((sock) =>
      onJsonRequest(sock, () => {
        let at = 0;
        const step = () => {
          if (sock.destroyed) return;
          if (at >= text.length) return void sock.write('\0');
          sock.write(text.slice(at, at + 64));
          at += 64;
          setImmediate(step);
        };
        step();
      }),
    );
    const r = await rpcCall(s.host, 'devs', undefined, { port: s.port });
    expect(r.ok && (r.value as { DEVS: unknown[] }).DEVS).toHaveLength(2000);
  });

  it('reads a reply that ends when the miner closes (no NUL)', async () => {
    const s = await serve((sock) => onJsonRequest(sock, () => sock.end('{"STATUS":"S","Msg":{"fw_ver":"20230803.11.REL"}}')));
    const r = await rpcCall(s.host, 'get_version', undefined, { port: s.port });
    expect(r.ok && r.value).toEqual({ STATUS: 'S', Msg: { fw_ver: '20230803.11.REL' } });
  });

  it('repairs `}{`, trailing commas and inf/nan in a real-looking stats reply', async () => {
    const s = await serve((sock) =>
      onJsonRequest(sock, () => sock.write('{"STATUS":[{"STATUS":"S",}],"STATS":[{"Type":"S9"}{"GHS 5s":inf,"temp":nan,"fan1":6000,},]}\0')),
    );
    const r = await rpcCall(s.host, 'stats', undefined, { port: s.port });
    expect(r.ok && r.value).toEqual({ STATUS: [{ STATUS: 'S' }], STATS: [{ Type: 'S9' }, { 'GHS 5s': null, temp: null, fan1: 6000 }] });
  });

  it('reports an error status from the miner as api_error', async () => {
    const s = await serve((sock) => onJsonRequest(sock, () => sock.write('{"STATUS":[{"STATUS":"E","Code":14,"Msg":"Invalid command"}],"id":1}\0')));
    const r = await rpcCall(s.host, 'bogus', undefined, { port: s.port });
    expect(r).toMatchObject({ ok: false, state: 'api_error' });
    expect(!r.ok && r.message).toContain('Invalid command');
  });

  it('times out on a reply trickled slower than the limit', async () => {
    const s = await serve((sock) =>
      onJsonRequest(sock, () => {
        let i = 0;
        const text = '{"STATUS":[{"STATUS":"S"}],"padding":"' + 'x'.repeat(200) + '"}\0';
        const timer = setInterval(() => {
          if (sock.destroyed || i >= text.length) return clearInterval(timer);
          sock.write(text[i++]);
        }, 20);
        sock.on('close', () => clearInterval(timer));
      }),
    );
    const started = Date.now();
    const r = await rpcCall(s.host, 'summary', undefined, { port: s.port, timeoutMs: 400 });
    expect(r).toMatchObject({ ok: false, state: 'timeout', opened: true });
    expect(Date.now() - started).toBeLessThan(2000);
  });

  it('stops an endless reply at 1 MB as too_large', async () => {
    let sent = 0;
    const s = await serve((sock) =>
      onJsonRequest(sock, () => {
        const chunk = Buffer.alloc(64 * 1024, 0x61); // 'a' forever, never a NUL
        const pump = () => {
          // bounded: at most 64 chunks (4 MB), stops as soon as the client hangs up
          while (!sock.destroyed && sent < 64 && sock.write(chunk)) sent++;
          if (!sock.destroyed && sent < 64) sock.once('drain', pump);
        };
        pump();
      }),
    );
    const r = await rpcCall(s.host, 'stats', undefined, { port: s.port });
    expect(r).toMatchObject({ ok: false, state: 'too_large' });
    expect(!r.ok && r.message).toContain('1 MB');
  });

  it('reports a connection reset after the request', async () => {
    const s = await serve((sock) => onJsonRequest(sock, () => sock.resetAndDestroy()));
    const r = await rpcCall(s.host, 'summary', undefined, { port: s.port });
    expect(r).toMatchObject({ ok: false, state: 'reset' });
  });

  it('recognises a TLS ServerHello on the plain RPC port', async () => {
    const s = await serve((sock) => onJsonRequest(sock, () => sock.write(SERVER_HELLO)));
    const r = await rpcCall(s.host, 'version', undefined, { port: s.port });
    expect(r).toMatchObject({ ok: false, state: 'tls' });
  });

  it('times out on a port that accepts and says nothing, and says the port was open', async () => {
    const s = await serve(() => {});
    const r = await rpcCall(s.host, 'version', undefined, { port: s.port, timeoutMs: 300 });
    expect(r).toMatchObject({ ok: false, state: 'timeout', opened: true });
    expect(!r.ok && r.message).toContain('sent nothing');
  });

  it('reports a closed port as refused', async () => {
    const port = await closedPort();
    const r = await rpcCall('127.0.0.1', 'version', undefined, { port });
    expect(r).toMatchObject({ ok: false, state: 'refused' });
  });

  it('reports garbage and an empty close plainly', async () => {
    const g = await serve((sock) => onJsonRequest(sock, () => sock.end('\x01\x02 not json at all')));
    expect(await rpcCall(g.host, 'version', undefined, { port: g.port })).toMatchObject({ ok: false, state: 'garbage' });
    const e = await serve((sock) => onJsonRequest(sock, () => sock.end()));
    expect(await rpcCall(e.host, 'version', undefined, { port: e.port })).toMatchObject({ ok: false, state: 'empty' });
  });

  it('tells an HTTP server on 4028 (ePIC) apart', async () => {
    const s = await serve((sock) => onJsonRequest(sock, () => sock.end('HTTP/1.1 400 Bad Request\r\nConnection: close\r\n\r\n')));
    expect(await rpcExchange(s.host, s.port, { command: 'version' })).toMatchObject({ ok: false, state: 'http' });
  });

  it('stops at once when the caller aborts', async () => {
    const s = await serve(() => {});
    const ac = new AbortController();
    setTimeout(() => ac.abort(), 50);
    const started = Date.now();
    const r = await rpcCall(s.host, 'version', undefined, { port: s.port, signal: ac.signal, timeoutMs: 5000 });
    expect(r).toMatchObject({ ok: false, state: 'aborted' });
    expect(Date.now() - started).toBeLessThan(1000);
  });

  it('respects the operation deadline', async () => {
    const s = await serve(() => {});
    const started = Date.now();
    const r = await rpcCall(s.host, 'version', undefined, { port: s.port, timeoutMs: 5000, deadline: Date.now() + 200 });
    expect(r).toMatchObject({ ok: false, state: 'timeout' });
    expect(Date.now() - started).toBeLessThan(1500);
  });
});

describe('joined CGMiner commands', () => {
  const reply = (command: string) => ({ STATUS: [{ STATUS: 'S', Msg: command }], [command.toUpperCase()]: [{ n: command.length }], id: 1 });

  it('asks several commands in one exchange and splits the joined reply', async () => {
    const asked: unknown[] = [];
    const s = await serve((sock) =>
      onJsonRequest(sock, (req) => {
        asked.push(req.command);
        const commands = String(req.command).split('+');
        sock.end(`${JSON.stringify(Object.fromEntries(commands.map((c) => [c, [reply(c)]])))}\0`);
      }),
    );
    const r = await rpcCalls(s.host, ['summary', 'pools', 'stats'], { port: s.port });
    expect(asked).toEqual(['summary+pools+stats']);
    expect(r).toEqual({
      summary: { ok: true, value: reply('summary') },
      pools: { ok: true, value: reply('pools') },
      stats: { ok: true, value: reply('stats') },
    });
  });

  it('asks one by one where the firmware does not join commands, and keeps each refusal to its command', async () => {
    const asked: unknown[] = [];
    const s = await serve((sock) =>
      onJsonRequest(sock, (req) => {
        asked.push(req.command);
        const known = ['summary', 'pools'].includes(String(req.command));
        sock.end(`${JSON.stringify(known ? reply(String(req.command)) : { STATUS: [{ STATUS: 'E', Msg: 'Invalid command' }], id: 1 })}\0`);
      }),
    );
    const r = await rpcCalls(s.host, ['summary', 'pools', 'nope'], { port: s.port });
    expect(asked.sort()).toEqual(['nope', 'pools', 'summary', 'summary+pools+nope']);
    expect(r.summary).toEqual({ ok: true, value: reply('summary') });
    expect(r.nope).toMatchObject({ ok: false, state: 'api_error' });
  });

  it('does not ask again, command by command, a port that is closed', async () => {
    const port = await closedPort();
    const r = await rpcCalls('127.0.0.1', ['summary', 'pools'], { port, timeoutMs: 1_000 });
    expect(r.summary).toMatchObject({ ok: false, state: 'refused' });
    expect(r.pools).toBe(r.summary);
  });
});

describe('Whatsminer v3 framing', () => {
  it('frames requests with a 4-byte little-endian length and reads framed replies', async () => {
    let header: number | null = null;
    let request: unknown = null;
    const s = await serve((sock) => {
      let buf = Buffer.alloc(0);
      sock.on('data', (c) => {
        buf = Buffer.concat([buf, c]);
        if (buf.length >= 4 && buf.length >= 4 + buf.readUInt32LE(0)) {
          header = buf.readUInt32LE(0);
          request = JSON.parse(buf.subarray(4).toString());
          const body = Buffer.from('{"code":0,"msg":{"miner":{"type":"M60S_VK40"}}}');
          const len = Buffer.alloc(4);
          len.writeUInt32LE(body.length);
          // Reply in two writes to make the client wait for the whole frame.
          sock.write(Buffer.concat([len, body.subarray(0, 5)]));
          setTimeout(() => sock.write(body.subarray(5)), 30);
        }
      });
    });
    const r = await wm3Call(s.host, { cmd: 'get.device.info' }, { port: s.port });
    expect(request).toEqual({ cmd: 'get.device.info' });
    expect(header).toBe(Buffer.byteLength('{"cmd":"get.device.info"}'));
    expect(r.ok && r.value).toEqual({ code: 0, msg: { miner: { type: 'M60S_VK40' } } });
    expect(frameWm3({ a: 1 }).subarray(0, 4)).toEqual(Buffer.from([7, 0, 0, 0]));
  });

  it('reads a 790-byte reply (its length prefix starts 16 03 like TLS) and still spots a real ServerHello', async () => {
    const body = Buffer.from(JSON.stringify({ code: 0, msg: 'p'.repeat(790 - 19) }));
    expect(body.length).toBe(790);
    const s = await serve((sock) =>
      sock.once('data', () => {
        const len = Buffer.alloc(4);
        len.writeUInt32LE(body.length);
        expect([len[0], len[1]]).toEqual([0x16, 0x03]);
        sock.write(Buffer.concat([len, body]));
      }),
    );
    const r = await wm3Call(s.host, { cmd: 'get.device.info' }, { port: s.port });
    expect(r.ok && (r.value as { msg: string }).msg.length).toBe(771);
    const tls = await serve((sock) => sock.once('data', () => sock.write(SERVER_HELLO)));
    expect(await wm3Call(tls.host, { cmd: 'get.device.info' }, { port: tls.port })).toMatchObject({ ok: false, state: 'tls' });
  });

  it('waits for a whole frame sent in pieces', async () => {
    const body = Buffer.from(JSON.stringify({ code: 0, msg: { pools: Array.from({ length: 500 }, (_, i) => ({ url: `stratum+tcp://p${i}:3333` })) } }));
    const len = Buffer.alloc(4);
    len.writeUInt32LE(body.length);
    const frame = Buffer.concat([len, body]);
    const s = await serve((sock) =>
      sock.once('data', () => {
        let at = 0;
        const step = () => {
          if (sock.destroyed || at >= frame.length) return;
          sock.write(frame.subarray(at, at + 3));
          at += 3;
          setImmediate(step);
        };
        step();
      }),
    );
    const r = await wm3Call(s.host, { cmd: 'get.miner.status', param: 'pools' }, { port: s.port });
    expect(r.ok && (r.value as { msg: { pools: unknown[] } }).msg.pools).toHaveLength(500);
  });

  it('refuses an announced length over the cap, and reports a non-zero code', async () => {
    const big = await serve((sock) => sock.once('data', () => sock.write(Buffer.from([0xff, 0xff, 0xff, 0x7f]))));
    expect(await wm3Call(big.host, { cmd: 'x' }, { port: big.port })).toMatchObject({ ok: false, state: 'too_large' });
    const bad = await serve((sock) =>
      sock.once('data', () => {
        const body = Buffer.from('{"code":-4,"msg":"invalid token"}');
        const len = Buffer.alloc(4);
        len.writeUInt32LE(body.length);
        sock.write(Buffer.concat([len, body]));
      }),
    );
    expect(await wm3Call(bad.host, { cmd: 'set.system.reboot' }, { port: bad.port })).toMatchObject({ ok: false, state: 'auth_failed' });
  });
});

describe('HTTP client', () => {
  const httpServers: http.Server[] = [];
  afterEach(async () => {
    await Promise.all(httpServers.splice(0).map((s) => new Promise((r) => (s.closeAllConnections(), s.close(r)))));
  });
  const httpServe = async (handler: http.RequestListener) => {
    const server = http.createServer(handler);
    httpServers.push(server);
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    return (server.address() as net.AddressInfo).port;
  };

  it('answers an HTTP Digest challenge (qop=auth) like stock Antminer CGI', async () => {
    const md5 = (s: string) => createHash('md5').update(s).digest('hex');
    const port = await httpServe((req, res) => {
      const auth = req.headers.authorization ?? '';
      const p: Record<string, string> = {};
      for (const m of auth.matchAll(/(\w+)=(?:"([^"]*)"|([^\s,]+))/g)) p[m[1]] = m[2] ?? m[3];
      const ha1 = md5(`root:antMiner Configuration:root`);
      const ha2 = md5(`${req.method}:${p.uri}`);
      const expected = md5(`${ha1}:${p.nonce}:${p.nc}:${p.cnonce}:${p.qop}:${ha2}`);
      if (!auth.startsWith('Digest ') || p.response !== expected || p.nonce !== 'abc123' || p.uri !== req.url) {
        res.writeHead(401, { 'WWW-Authenticate': 'Digest realm="antMiner Configuration", nonce="abc123", qop="auth", opaque="xyz"' });
        return res.end();
      }
      res.writeHead(200, { 'Content-Type': 'application/json' });
      res.end('{"minertype":"Antminer S21","serinum":"THQING0BDJAB024NF"}');
    });
    const good = await httpRequest({
      host: '127.0.0.1',
      port,
      method: 'GET',
      path: '/cgi-bin/get_system_info.cgi',
      digest: { username: 'root', password: 'root' },
    });
    expect(httpJson(good, 'x')).toEqual({ ok: true, value: { minertype: 'Antminer S21', serinum: 'THQING0BDJAB024NF' } });
    const wrong = await httpRequest({
      host: '127.0.0.1',
      port,
      method: 'GET',
      path: '/cgi-bin/get_system_info.cgi',
      digest: { username: 'root', password: 'nope' },
    });
    expect(wrong).toMatchObject({ ok: false, state: 'auth_failed' });
  });

  it('builds the RFC 2617 example response', () => {
    // RFC 2617 section 3.5: Mufasa / Circle Of Life.
    const ch = parseDigestChallenge(
      'Digest realm="testrealm@host.com", qop="auth,auth-int", nonce="dcd98b7102dd2f0e8b11d0f600bfb0c093", opaque="5ccc069c403ebaf9f0171e9517f40e41"',
    );
    const header = digestAuthorization('GET', '/dir/index.html', 'Mufasa', 'Circle Of Life', ch!, '0a4f113b');
    expect(header).toContain('response="6629fae49393a05397450978507c4ef1"');
    expect(header).toContain('opaque="5ccc069c403ebaf9f0171e9517f40e41"');
  });

  it('caps the body at 1 MB and reports TLS on a plain HTTP port', async () => {
    const port = await httpServe((_req, res) => {
      res.writeHead(200);
      let n = 0;
      const chunk = Buffer.alloc(64 * 1024, 0x20);
      const pump = () => {
        while (n < 64 && !res.destroyed && res.write(chunk)) n++;
        if (n < 64 && !res.destroyed) res.once('drain', pump);
        else res.end();
      };
      pump();
    });
    expect(await httpRequest({ host: '127.0.0.1', port, method: 'GET', path: '/' })).toMatchObject({ ok: false, state: 'too_large' });
    const tls = await serve((sock) => sock.once('data', () => sock.write(SERVER_HELLO)));
    expect(await httpRequest({ host: tls.host, port: tls.port, method: 'GET', path: '/' })).toMatchObject({ ok: false, state: 'tls' });
  });

  it('times out on a silent port and reads a chunked JSON reply', async () => {
    const silent = await serve(() => {});
    expect(await httpRequest({ host: silent.host, port: silent.port, method: 'GET', path: '/' }, { timeoutMs: 300 })).toMatchObject({
      ok: false,
      state: 'timeout',
      opened: true,
    });
    const port = await httpServe((req, res) => {
      let body = '';
      req.on('data', (c) => (body += c));
      req.on('end', () => {
        res.writeHead(200, { 'Content-Type': 'application/json' });
        res.write('{"echo":');
        res.end(JSON.stringify({ method: req.method, body: JSON.parse(body) }) + '}');
      });
    });
    const r = await httpRequest({ host: '127.0.0.1', port, method: 'PATCH', path: '/api/system', body: { stratumURL: 'pool' } });
    expect(httpJson(r, 'x')).toEqual({ ok: true, value: { echo: { method: 'PATCH', body: { stratumURL: 'pool' } } } });
  });
});
