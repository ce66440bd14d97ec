import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { type CallName, contract } from '../../../electron/contract';
import { inputShapes, type JsonSchema, typeOf } from './schema-rows';

/** The input schema as the OpenAPI document carries it. */
const schemaOf = (name: CallName) => z.toJSONSchema(contract[name].input as z.ZodType, { io: 'input', unrepresentable: 'any' }) as JsonSchema;

describe('an input schema in words', () => {
  it('lists each field with its type, whether it is required and its limits', () => {
    expect(inputShapes(schemaOf('apiTokens.create'))).toEqual([
      {
        title: null,
        rows: [
          { path: 'name', type: 'text', required: true, notes: ['1 to 60 characters'] },
          { path: 'expiresInDays', type: 'whole number', required: false, notes: ['1 to 3650'] },
        ],
      },
    ]);
    expect(inputShapes(schemaOf('invoices.issue'))[0].rows).toEqual([{ path: 'id', type: 'whole number', required: true, notes: ['at least 1'] }]);
  });

  it('says what a list, a choice and a nullable field take, without a date’s regular expression', () => {
    const rows = inputShapes(schemaOf('tasks.create'))[0].rows;
    expect(rows.find((row) => row.path === 'type')).toEqual({
      path: 'type',
      type: 'text',
      required: true,
      notes: ['one of: "repair", "reboot", "swap", "install", "remove", "inspection"'],
    });
    expect(rows.find((row) => row.path === 'assigneeId')).toMatchObject({ type: 'whole number or null', notes: ['default: null', 'at least 1'] });
    expect(rows.find((row) => row.path === 'dueDate')).toMatchObject({ type: '"" or text or null', notes: ['format: date'] });
    expect(rows.find((row) => row.path === 'minerIds')).toMatchObject({ type: 'list of whole number', notes: expect.arrayContaining(['each at least 1']) });
  });

  it('opens nested objects into dotted paths, and a union into one table per shape named by its fixed field', () => {
    const massEdit = inputShapes(schemaOf('miners.massEdit'))[0].rows.map((row) => row.path);
    expect(massEdit).toEqual(expect.arrayContaining(['filter', 'filter.search', 'filter.clientIds', 'changes']));
    const shapes = inputShapes(schemaOf('power.devices.create'));
    expect(shapes.map((shape) => shape.title)).toEqual(['kind = "pdu"', 'kind = "meter"', 'kind = "manual"']);
    expect(shapes[0].rows.map((row) => row.path)).toEqual(expect.arrayContaining(['snmp', 'snmp.version']));
  });

  it('reads a schema it cannot describe as any value', () => {
    expect(typeOf({})).toBe('any value');
    expect(inputShapes({ type: 'object', properties: {} })).toEqual([{ title: null, rows: [] }]);
  });
});
