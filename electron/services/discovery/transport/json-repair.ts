/**
 * A forgiving JSON reader for what miner firmware really sends. It accepts, on top of JSON:
 * - NUL bytes anywhere between tokens (cgminer terminates replies with one);
 * - a missing comma between values (`}{` from cgminer's stats, `][`, `"a" "b"`);
 * - trailing commas before `}` or `]`;
 * - bare `inf`, `-inf`, `nan`, `Infinity`, `NaN` (read as null);
 * - raw control characters and newlines inside strings (Whatsminer v1 versions);
 * - several top-level objects in a row (merged; the first value of a key wins);
 * - anything after the complete top-level value (ignored).
 * A truncated buffer, text that is not JSON, or nesting deeper than 200 levels is a clear error.
 * It never throws and never uses recursion deeper than the nesting limit.
 */
export type JsonValue = null | boolean | number | string | JsonValue[] | { [key: string]: JsonValue };
export type RepairResult = { ok: true; value: JsonValue } | { ok: false; message: string };

const MAX_DEPTH = 200;

class ReadError extends Error {}

const isDigit = (c: number) => c >= 0x30 && c <= 0x39;

export function parseMinerJson(input: string | Buffer): RepairResult {
  const text = typeof input === 'string' ? input : input.toString('utf8');
  // Fast path: most replies are valid JSON once the NULs and blanks around them are gone.
  const fast = strictParse(text);
  if (fast !== undefined) return { ok: true, value: fast };
  try {
    const reader = new Reader(text);
    reader.skip();
    if (reader.atEnd()) return { ok: false, message: 'The reply was empty.' };
    const c = text[reader.pos];
    if (c !== '{' && c !== '[')
      return { ok: false, message: `The reply is not JSON (it starts with ${JSON.stringify(text.slice(reader.pos, reader.pos + 12))}).` };
    const first = reader.value(0);
    reader.skip();
    // Several objects in a row: `{"a":1}{"b":2}` or `{"a":1},{"b":2}` → one merged object.
    if (isObject(first)) {
      for (;;) {
        if (text[reader.pos] === ',') {
          reader.pos++;
          reader.skip();
        }
        if (text[reader.pos] !== '{') break;
        const next = reader.value(0);
        if (isObject(next)) for (const key of Object.keys(next)) if (!Object.prototype.hasOwnProperty.call(first, key)) setKey(first, key, next[key]);
        reader.skip();
      }
    }
    return { ok: true, value: first };
  } catch (err) {
    if (err instanceof ReadError) return { ok: false, message: err.message };
    return { ok: false, message: 'The reply could not be read as JSON.' };
  }
}

const isBlank = (c: number) => c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09 || c === 0x00 || c === 0xfeff;

/** JSON.parse on the text without surrounding blanks and NULs; undefined when that is not plain JSON. */
function strictParse(text: string): JsonValue | undefined {
  let start = 0;
  let end = text.length;
  while (start < end && isBlank(text.charCodeAt(start))) start++;
  while (end > start && isBlank(text.charCodeAt(end - 1))) end--;
  const first = text.charCodeAt(start);
  if (first !== 0x7b && first !== 0x5b) return undefined; // { or [
  if (tooDeep(text, start, end)) return undefined; // the careful reader reports it
  try {
    return JSON.parse(start === 0 && end === text.length ? text : text.slice(start, end)) as JsonValue;
  } catch {
    return undefined;
  }
}

/** True when brackets outside strings nest deeper than MAX_DEPTH. */
function tooDeep(text: string, start: number, end: number): boolean {
  let depth = 0;
  let inString = false;
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c) i++;
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x7b || c === 0x5b) {
      if (++depth > MAX_DEPTH) return true;
    } else if (c === 0x7d || c === 0x5d) depth--;
  }
  return false;
}

function isObject(v: JsonValue): v is { [key: string]: JsonValue } {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** Sets a key without ever touching the prototype (a key named `__proto__` stays a plain key). */
function setKey(obj: { [key: string]: JsonValue }, key: string, value: JsonValue) {
  if (key === '__proto__') Object.defineProperty(obj, key, { value, enumerable: true, writable: true, configurable: true });
  else obj[key] = value;
}

class Reader {
  pos = 0;
  constructor(private readonly s: string) {}

  atEnd() {
    return this.pos >= this.s.length;
  }

  skip() {
    const s = this.s;
    while (this.pos < s.length) {
      const c = s.charCodeAt(this.pos);
      if (c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09 || c === 0x00 || c === 0xfeff) this.pos++;
      else break;
    }
  }

  cutOff(): never {
    throw new ReadError(`The reply was cut off after ${this.s.length} characters.`);
  }

  unexpected(what: string): never {
    if (this.atEnd()) this.cutOff();
    throw new ReadError(`The reply is not valid JSON: unexpected ${JSON.stringify(this.s.slice(this.pos, this.pos + 10))} at character ${this.pos} (${what}).`);
  }

  value(depth: number): JsonValue {
    if (depth > MAX_DEPTH) throw new ReadError(`The reply is nested more than ${MAX_DEPTH} levels deep.`);
    this.skip();
    if (this.atEnd()) this.cutOff();
    const s = this.s;
    const c = s[this.pos];
    if (c === '{') return this.object(depth);
    if (c === '[') return this.array(depth);
    if (c === '"') return this.string();
    if (c === '-' || (c >= '0' && c <= '9')) return this.number();
    return this.word();
  }

  object(depth: number): JsonValue {
    const obj: { [key: string]: JsonValue } = {};
    this.pos++; // {
    for (;;) {
      this.skip();
      if (this.atEnd()) this.cutOff();
      const c = this.s[this.pos];
      if (c === '}') {
        this.pos++;
        return obj;
      }
      if (c === ',') {
        this.pos++; // tolerate `{,` and `,,` and a trailing comma
        continue;
      }
      if (c !== '"') this.unexpected('expected a key');
      const key = this.string();
      this.skip();
      if (this.s[this.pos] !== ':') this.unexpected('expected ":" after a key');
      this.pos++;
      setKey(obj, key, this.value(depth + 1));
    }
  }

  array(depth: number): JsonValue {
    const arr: JsonValue[] = [];
    this.pos++; // [
    for (;;) {
      this.skip();
      if (this.atEnd()) this.cutOff();
      const c = this.s[this.pos];
      if (c === ']') {
        this.pos++;
        return arr;
      }
      if (c === ',') {
        this.pos++;
        continue;
      }
      arr.push(this.value(depth + 1));
    }
  }

  string(): string {
    const s = this.s;
    this.pos++; // opening quote
    let out = '';
    let start = this.pos;
    while (this.pos < s.length) {
      const c = s.charCodeAt(this.pos);
      if (c === 0x22) {
        out += s.slice(start, this.pos);
        this.pos++;
        return out;
      }
      if (c === 0x5c) {
        out += s.slice(start, this.pos);
        const e = s[this.pos + 1];
        if (e === undefined) this.cutOff();
        this.pos += 2;
        switch (e) {
          case 'n':
            out += '\n';
            break;
          case 't':
            out += '\t';
            break;
          case 'r':
            out += '\r';
            break;
          case 'b':
            out += '\b';
            break;
          case 'f':
            out += '\f';
            break;
          case 'u': {
            const hex = s.slice(this.pos, this.pos + 4);
            if (/^[0-9a-fA-F]{4}$/.test(hex)) {
              out += String.fromCharCode(parseInt(hex, 16));
              this.pos += 4;
            } else {
              if (this.pos + 4 > s.length) this.cutOff();
              out += 'u';
            }
            break;
          }
          default:
            out += e; // \" \\ \/ and unknown escapes keep the character
        }
        start = this.pos;
        continue;
      }
      this.pos++; // raw control characters, newlines and NULs inside strings are kept
    }
    this.cutOff();
  }

  number(): JsonValue {
    const s = this.s;
    const len = s.length;
    const start = this.pos;
    let i = start;
    if (s.charCodeAt(i) === 0x2d) i++; // -
    const digitsFrom = i;
    while (i < len && isDigit(s.charCodeAt(i))) i++;
    let digits = i - digitsFrom;
    if (i < len && s.charCodeAt(i) === 0x2e) {
      i++;
      const fracFrom = i;
      while (i < len && isDigit(s.charCodeAt(i))) i++;
      digits += i - fracFrom;
    }
    if (digits === 0) {
      if (s.charCodeAt(start) === 0x2d) {
        this.pos = start + 1;
        const w = this.word(); // -inf
        return w === null ? null : this.unexpected('expected a number');
      }
      this.unexpected('expected a number');
    }
    if (i < len && (s.charCodeAt(i) === 0x65 || s.charCodeAt(i) === 0x45)) {
      let j = i + 1;
      if (j < len && (s.charCodeAt(j) === 0x2b || s.charCodeAt(j) === 0x2d)) j++;
      if (j < len && isDigit(s.charCodeAt(j))) {
        while (j < len && isDigit(s.charCodeAt(j))) j++;
        i = j;
      }
    }
    // A number running into the end of the buffer may have been cut short.
    if (i >= len) this.cutOff();
    this.pos = i;
    const n = Number(s.slice(start, i));
    return Number.isFinite(n) ? n : null;
  }

  word(): JsonValue {
    const m = /^[A-Za-z]+/.exec(this.s.slice(this.pos, this.pos + 16));
    if (!m) this.unexpected('expected a value');
    const w = m[0];
    const lower = w.toLowerCase();
    if (this.pos + w.length >= this.s.length) this.cutOff();
    this.pos += w.length;
    if (w === 'true') return true;
    if (w === 'false') return false;
    if (w === 'null') return null;
    if (lower === 'inf' || lower === 'infinity' || lower === 'nan') return null;
    this.pos -= w.length;
    this.unexpected('expected a value');
  }
}
