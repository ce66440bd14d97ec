import { describe, expect, it } from 'vitest';
import { enumValues, parseMibExcerpt, statedScale, stripMibComments } from '../helpers/mib-excerpt';

const header = 'TEST-MIB DEFINITIONS ::= BEGIN\nIMPORTS enterprises FROM RFC1155-SMI;\n';
const node = 'vendor OBJECT IDENTIFIER ::= { enterprises 99 }\n';
const column = (name: string, description: string, parent = 'vendor', n = 2) =>
  `${name} OBJECT-TYPE\n SYNTAX INTEGER { off (1), on (2) }\n ACCESS read-only\n STATUS mandatory\n DESCRIPTION\n "${description}"\n ::= { ${parent} ${n} }\n`;

describe('parseMibExcerpt', () => {
  it('resolves the OID chain from enterprises and keeps SYNTAX, UNITS and DESCRIPTION', () => {
    const mib = parseMibExcerpt(`${header}-- a comment\n${node}${column('state', 'The  power in\n   tenths of kilowatts')}END\n`);
    const state = mib.objects.get('state')!;
    expect(mib.module).toBe('TEST-MIB');
    expect(state.oid).toBe('1.3.6.1.4.1.99.2');
    expect(state.description).toBe('The power in tenths of kilowatts');
    expect(enumValues(mib, state)).toEqual({ off: 1, on: 2 });
    expect(statedScale(state)).toEqual({ unit: 'W', scale: '100' });
  });

  it('reads SMIv2 UNITS, INDEX and LAST-UPDATED', () => {
    const text = `${header}vendorMib MODULE-IDENTITY\n LAST-UPDATED "201901010000Z"\n ORGANIZATION "x"\n ::= { enterprises 99 }\nentry OBJECT-TYPE\n SYNTAX Entry\n MAX-ACCESS not-accessible\n STATUS current\n DESCRIPTION "row"\n INDEX { a, b }\n ::= { vendorMib 1 }\nenergy OBJECT-TYPE\n SYNTAX Unsigned32\n UNITS "watt-hours"\n MAX-ACCESS read-only\n STATUS current\n DESCRIPTION "Energy."\n ::= { entry 4 }\nEND`;
    const mib = parseMibExcerpt(text);
    expect(mib.lastUpdated).toBe('201901010000Z');
    expect(mib.objects.get('entry')!.index).toEqual(['a', 'b']);
    expect(mib.objects.get('energy')).toMatchObject({ oid: '1.3.6.1.4.1.99.1.4', units: 'watt-hours' });
    expect(statedScale(mib.objects.get('energy')!)).toEqual({ unit: 'Wh', scale: '1' });
  });

  it('refuses text it does not understand, unknown parents and names defined twice', () => {
    expect(() => parseMibExcerpt(`${header}${node}stray words\nEND`)).toThrow(/unexpected text/);
    expect(() => parseMibExcerpt(`${header}${column('lost', 'x', 'nowhere')}END`)).toThrow(/nowhere, which the excerpt does not define/);
    expect(() => parseMibExcerpt(`${header}${node}${node}END`)).toThrow(/defined twice/);
    expect(() => parseMibExcerpt(`${header}${node}`)).toThrow(/unexpected text|not SYNTAX/);
  });

  it('keeps "--" inside quoted text and names no unit where there is none, or refuses two', () => {
    expect(stripMibComments('a "x -- y" -- gone\nb')).toBe('a "x -- y" \nb');
    const mib = parseMibExcerpt(`${header}${node}${column('a', 'The power draw')}${column('b', 'in Watts or kilowatt-hours', 'vendor', 3)}END`);
    expect(statedScale(mib.objects.get('a')!)).toBeNull();
    expect(() => statedScale(mib.objects.get('b')!)).toThrow(/more than one/);
  });
});
