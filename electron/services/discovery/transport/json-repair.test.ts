import { describe, expect, it } from 'vitest';
import { parseMinerJson } from './json-repair';

const ok = (text: string) => {
  const r = parseMinerJson(text);
  if (!r.ok) throw new Error(r.message);
  return r.value;
};

describe('parseMinerJson', () => {
  it('reads plain JSON exactly like JSON.parse', () => {
    const text = '{"a":[1,2.5,-3e2,true,false,null],"b":{"c":"d\\"e\\u00e9\\n"}}';
    expect(ok(text)).toEqual(JSON.parse(text));
  });

  it('repairs `}{` between objects in an array (cgminer stats)', () => {
    expect(ok('{"STATS":[{"a":1}{"b":2}]}')).toEqual({ STATS: [{ a: 1 }, { b: 2 }] });
  });

  it('merges several top-level objects in a row, first value of a key wins', () => {
    expect(ok('{"STATUS":"S","a":1}{"a":2,"b":3}')).toEqual({ STATUS: 'S', a: 1, b: 3 });
    expect(ok('{"a":1},{"b":2}\0')).toEqual({ a: 1, b: 2 });
  });

  it('drops trailing commas and reads inf/nan as null', () => {
    expect(ok('{"a":[1,2,],"b":inf,"c":-inf,"d":nan,"e":NaN,"f":Infinity,}')).toEqual({ a: [1, 2], b: null, c: null, d: null, e: null, f: null });
  });

  it('keeps raw newlines and control characters inside strings (Whatsminer v1)', () => {
    expect(ok('{"Firmware Version":"\'20220919.15.REL\'\n","x":"a\tb"}')).toEqual({ 'Firmware Version': "'20220919.15.REL'\n", x: 'a\tb' });
  });

  it('ignores NULs and garbage after the value', () => {
    expect(ok('\0 {"a":1}\0\0garbage')).toEqual({ a: 1 });
  });

  it('refuses a truncated buffer with a clear sentence', () => {
    for (const cut of ['{"a":[1,2', '{"a":"unfinished', '{"a":12', '{"a":tr', '{"a":{"b":1}', '{"a":"\\u00']) {
      const r = parseMinerJson(cut);
      expect(r.ok).toBe(false);
      expect(!r.ok && r.message).toMatch(/cut off/);
    }
  });

  it('refuses text that is not JSON, an empty reply and deep nesting', () => {
    expect(parseMinerJson('HTTP/1.1 400 Bad Request')).toMatchObject({ ok: false });
    expect(parseMinerJson('')).toEqual({ ok: false, message: 'The reply was empty.' });
    expect(parseMinerJson('{"a":@}')).toMatchObject({ ok: false });
    const deep = '['.repeat(5000) + ']'.repeat(5000);
    expect(parseMinerJson(deep)).toEqual({ ok: false, message: 'The reply is nested more than 200 levels deep.' });
    expect(ok('['.repeat(150) + ']'.repeat(150))).toBeInstanceOf(Array);
  });

  it('keeps a "__proto__" key as a plain key without touching prototypes', () => {
    const v = ok('{"__proto__":{"polluted":true},"a":1}') as Record<string, unknown>;
    expect(Object.keys(v)).toEqual(['__proto__', 'a']);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.getPrototypeOf(v)).toBe(Object.prototype);
  });

  it('accepts a Buffer', () => {
    expect(ok(Buffer.from('{"a":"é"}\0') as unknown as string)).toEqual({ a: 'é' });
  });
});
