/**
 * A strict reader for the vendor MIB excerpts in tests/fixtures/mibs: OBJECT IDENTIFIER and OBJECT-TYPE
 * assignments (`name OBJECT-TYPE … ::= { parent n }`) resolved to numeric OIDs from `enterprises`, with
 * SYNTAX, UNITS, DESCRIPTION and INDEX kept. Anything else in a file (other than the module header,
 * IMPORTS, MODULE-IDENTITY and END) is an error, so an excerpt cannot quietly hold text the tests ignore.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

export type MibObject = {
  name: string;
  parent: string;
  subId: number;
  oid: string;
  /** Only for OBJECT-TYPE; null for plain OBJECT IDENTIFIER nodes. */
  syntax: string | null;
  units: string | null;
  description: string | null;
  /** The INDEX clause's names, for a table entry. */
  index: string[] | null;
};

export type MibExcerpt = {
  module: string;
  lastUpdated: string | null;
  objects: ReadonlyMap<string, MibObject>;
  /** TEXTUAL-CONVENTION name → its SYNTAX. */
  conventions: ReadonlyMap<string, string>;
};

const roots: Record<string, string> = { enterprises: '1.3.6.1.4.1' };

/** Drops `--` comments outside quoted strings (a comment ends at the line's end or at the next `--`). */
export function stripMibComments(text: string): string {
  let out = '';
  let inQuote = false;
  for (let i = 0; i < text.length; i++) {
    const char = text[i];
    if (char === '"') inQuote = !inQuote;
    if (!inQuote && char === '-' && text[i + 1] === '-') {
      const end = text.indexOf('\n', i);
      const close = text.indexOf('--', i + 2);
      if (close !== -1 && (end === -1 || close < end)) i = close + 1;
      else i = end === -1 ? text.length : end - 1;
      continue;
    }
    out += char;
  }
  return out;
}

const name = '([a-zA-Z][\\w-]*)';
const assignment = `::=\\s*\\{\\s*${name}\\s+(\\d+)\\s*\\}`;
const statements = {
  header: new RegExp(`\\s*${name}\\s+DEFINITIONS\\s*::=\\s*BEGIN`, 'y'),
  imports: /\s*IMPORTS\b[^;]*;/y,
  moduleIdentity: new RegExp(`\\s*${name}\\s+MODULE-IDENTITY\\s+([\\s\\S]*?)${assignment}`, 'y'),
  objectIdentifier: new RegExp(`\\s*${name}\\s+OBJECT\\s+IDENTIFIER\\s*${assignment}`, 'y'),
  textualConvention:
    /\s*([A-Z][\w-]*)\s*::=\s*TEXTUAL-CONVENTION\s+(?:DISPLAY-HINT\s+"[^"]*"\s+)?STATUS\s+\w+\s+DESCRIPTION\s+"[^"]*"\s+(?:REFERENCE\s+"[^"]*"\s+)?SYNTAX\s+(INTEGER\s*\{[^}]*\}|[\w-]+(?:\s*\([^)]*\))?)/y,
  objectType: new RegExp(`\\s*${name}\\s+OBJECT-TYPE\\s+([\\s\\S]*?)${assignment}`, 'y'),
  end: /\s*END\s*$/y,
};
const objectTypeBody =
  /^SYNTAX\s+([\s\S]+?)\s+(?:UNITS\s+"([^"]*)"\s+)?(?:MAX-)?ACCESS\s+[\w-]+\s+STATUS\s+\w+\s+DESCRIPTION\s+"([^"]*)"\s*(?:REFERENCE\s+"[^"]*"\s*)?(?:INDEX\s*\{([^}]*)\}\s*)?(?:DEFVAL\s*\{[^}]*\}\s*)?$/;

type Raw = Omit<MibObject, 'oid'>;

export function parseMibExcerpt(source: string): MibExcerpt {
  const text = stripMibComments(source);
  const raw = new Map<string, Raw>();
  const conventions = new Map<string, string>();
  let lastUpdated: string | null = null;
  let position = 0;
  const take = (pattern: RegExp): RegExpExecArray | null => {
    pattern.lastIndex = position;
    const match = pattern.exec(text);
    if (match) position = pattern.lastIndex;
    return match;
  };
  const add = (object: Raw) => {
    if (raw.has(object.name) || object.name in roots) throw new Error(`${object.name} is defined twice`);
    raw.set(object.name, object);
  };
  const header = take(statements.header);
  if (!header) throw new Error('the excerpt does not start with "<MODULE> DEFINITIONS ::= BEGIN"');
  const module = header[1];
  take(statements.imports);
  for (;;) {
    if (take(statements.end)) break;
    const identity = take(statements.moduleIdentity);
    if (identity) {
      lastUpdated = /LAST-UPDATED\s+"([^"]*)"/.exec(identity[2])?.[1] ?? null;
      add({ name: identity[1], parent: identity[3], subId: Number(identity[4]), syntax: null, units: null, description: null, index: null });
      continue;
    }
    const convention = take(statements.textualConvention);
    if (convention) {
      conventions.set(convention[1], convention[2].replace(/\s+/g, ' '));
      continue;
    }
    const node = take(statements.objectIdentifier);
    if (node) {
      add({ name: node[1], parent: node[2], subId: Number(node[3]), syntax: null, units: null, description: null, index: null });
      continue;
    }
    const object = take(statements.objectType);
    if (!object) throw new Error(`unexpected text at character ${position}: ${JSON.stringify(text.slice(position, position + 60).trim())}`);
    const body = objectTypeBody.exec(object[2].trim());
    if (!body) throw new Error(`${object[1]}: the OBJECT-TYPE clauses are not SYNTAX [UNITS] ACCESS STATUS DESCRIPTION [INDEX]`);
    add({
      name: object[1],
      parent: object[3],
      subId: Number(object[4]),
      syntax: body[1].replace(/\s+/g, ' '),
      units: body[2] ?? null,
      description: body[3].replace(/\s+/g, ' ').trim(),
      index: body[4] ? body[4].split(',').map((part) => part.trim()) : null,
    });
  }
  const objects = new Map<string, MibObject>();
  const resolve = (key: string, seen: string[]): string => {
    if (key in roots) return roots[key];
    const known = objects.get(key);
    if (known) return known.oid;
    const entry = raw.get(key);
    if (!entry) throw new Error(`${seen.at(-1) ?? key} hangs from ${key}, which the excerpt does not define`);
    if (seen.includes(key)) throw new Error(`${key} is its own ancestor`);
    const oid = `${resolve(entry.parent, [...seen, key])}.${entry.subId}`;
    objects.set(key, { ...entry, oid });
    return oid;
  };
  for (const key of raw.keys()) resolve(key, []);
  return { module, lastUpdated, objects, conventions };
}

export function loadMibExcerpt(moduleName: string): MibExcerpt {
  const path = join(import.meta.dirname, '..', 'fixtures', 'mibs', `${moduleName}.excerpt.mib`);
  const excerpt = parseMibExcerpt(readFileSync(path, 'utf8'));
  if (excerpt.module !== moduleName) throw new Error(`${path} defines ${excerpt.module}, not ${moduleName}`);
  return excerpt;
}

/** The named values of an `INTEGER { off (1), on (2) }` SYNTAX, directly or through a TEXTUAL-CONVENTION. */
export function enumValues(excerpt: MibExcerpt, object: MibObject): Record<string, number> {
  const syntax = excerpt.conventions.get(object.syntax ?? '') ?? object.syntax ?? '';
  const list = /^INTEGER\s*\{([^}]*)\}$/.exec(syntax);
  if (!list) throw new Error(`${object.name} is not an enumerated INTEGER`);
  const values: Record<string, number> = {};
  for (const item of list[1].split(',')) {
    const parts = /^\s*([\w-]+)\s*\(\s*(-?\d+)\s*\)\s*$/.exec(item);
    if (!parts) throw new Error(`${object.name}: cannot read the enumeration item ${JSON.stringify(item)}`);
    values[parts[1]] = Number(parts[2]);
  }
  return values;
}

/**
 * The unit phrases vendor MIBs use for power and energy, and the exact factor from the raw value to
 * W or Wh. A description naming none of them has no stated unit (null); naming two is an error.
 */
const unitPhrases: { pattern: RegExp; unit: 'W' | 'Wh'; scale: string }[] = [
  { pattern: /\btenths? (?:of )?kilowatt-hours\b/i, unit: 'Wh', scale: '100' },
  { pattern: /\bhundredths? (?:of )?kilowatts\b/i, unit: 'W', scale: '10' },
  { pattern: /\btenths? (?:of )?kilowatts\b/i, unit: 'W', scale: '100' },
  { pattern: /\bkilowatt-hours?\b/i, unit: 'Wh', scale: '1000' },
  { pattern: /\bkilowatts?\b/i, unit: 'W', scale: '1000' },
  { pattern: /\bwatt-hours?\b/i, unit: 'Wh', scale: '1' },
  { pattern: /\bwatts?\b/i, unit: 'W', scale: '1' },
];

export function statedScale(object: MibObject): { unit: 'W' | 'Wh'; scale: string } | null {
  const text = [object.units ?? '', object.description ?? ''].join(' ');
  const found: { unit: 'W' | 'Wh'; scale: string }[] = [];
  let rest = text;
  for (const phrase of unitPhrases) {
    if (phrase.pattern.test(rest)) {
      found.push({ unit: phrase.unit, scale: phrase.scale });
      rest = rest.replace(new RegExp(phrase.pattern.source, 'gi'), ' ');
    }
  }
  if (found.length > 1) throw new Error(`${object.name} names more than one power or energy unit: ${text}`);
  return found[0] ?? null;
}
