/** A JSON Schema as the OpenAPI document carries it (zod's output): only the keywords read here are typed. */
export type JsonSchema = {
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  enum?: unknown[];
  const?: unknown;
  default?: unknown;
  description?: string;
  format?: string;
  pattern?: string;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  exclusiveMaximum?: number;
  minItems?: number;
  maxItems?: number;
};

/** One input field in words: its path ("filter.clientIds", "lines[].amount"), its type, whether it must be sent, its limits. */
export type FieldRow = { path: string; type: string; required: boolean; notes: string[] };

/** The fields of one shape of input; a procedure taking one of several shapes (by `kind`) has one per shape. */
export type InputShape = { title: string | null; rows: FieldRow[] };

const typeWords: Record<string, string> = {
  string: 'text',
  integer: 'whole number',
  number: 'number',
  boolean: 'true or false',
  null: 'null',
  object: 'object',
  array: 'list',
};

const literal = (value: unknown): string => JSON.stringify(value);

/** "text", "whole number or null", "list of text", "one of 4 values". */
export function typeOf(schema: JsonSchema): string {
  if (schema.const !== undefined) return literal(schema.const);
  if (schema.enum?.length === 1) return literal(schema.enum[0]);
  const variants = schema.anyOf ?? schema.oneOf;
  if (variants) return [...new Set(variants.map(typeOf))].join(' or ');
  const types = Array.isArray(schema.type) ? schema.type : schema.type ? [schema.type] : [];
  if (types.length === 0) return 'any value';
  return types.map((type) => (type === 'array' && schema.items ? `list of ${typeOf(schema.items)}` : (typeWords[type] ?? type))).join(' or ');
}

const range = (min: number | undefined, max: number | undefined, unit: string): string | null => {
  if (min !== undefined && max !== undefined) return min === max ? `exactly ${min}${unit}` : `${min} to ${max}${unit}`;
  if (min !== undefined) return `at least ${min}${unit}`;
  if (max !== undefined) return `at most ${max}${unit}`;
  return null;
};

/** A number's bounds in words; a whole number "more than 0" reads "at least 1", and JavaScript's largest safe integer is no limit worth saying. */
function numberRange(schema: JsonSchema): string | null {
  const whole = schema.type === 'integer';
  const min = schema.minimum ?? (whole && schema.exclusiveMinimum !== undefined ? schema.exclusiveMinimum + 1 : undefined);
  const max =
    schema.maximum === Number.MAX_SAFE_INTEGER
      ? undefined
      : (schema.maximum ?? (whole && schema.exclusiveMaximum !== undefined ? schema.exclusiveMaximum - 1 : undefined));
  if (!whole && schema.exclusiveMinimum !== undefined) return `more than ${schema.exclusiveMinimum}`;
  return range(min, max, '');
}

/** The limits a field's schema sets, in words; a field that may be one of several schemas lists each one's limits. */
export function notesOf(schema: JsonSchema): string[] {
  const notes: (string | null)[] = [
    schema.description ?? null,
    schema.enum && schema.enum.length > 1 ? `one of: ${schema.enum.map(literal).join(', ')}` : null,
    range(schema.minLength, schema.maxLength, ' characters'),
    numberRange(schema),
    range(schema.minItems, schema.maxItems, ' items'),
    schema.format ? `format: ${schema.format}` : null,
    // A format says it better than the regular expression that checks it (a date's is a screenful).
    schema.pattern && !schema.format ? `pattern: ${schema.pattern}` : null,
    schema.default !== undefined ? `default: ${literal(schema.default)}` : null,
  ];
  const own = notes.filter((note): note is string => note !== null);
  const variants = (schema.anyOf ?? schema.oneOf ?? []).flatMap(notesOf);
  const items = schema.type === 'array' && schema.items && !isPlainObject(schema.items) ? notesOf(schema.items).map((note) => `each ${note}`) : [];
  return [...new Set([...own, ...variants, ...items])];
}

const isPlainObject = (schema: JsonSchema): boolean => schema.type === 'object' && schema.properties !== undefined;

/** Each field of an object, nested objects and lists of objects opened into dotted paths up to a few levels. */
function rowsOf(schema: JsonSchema, prefix: string, depth: number): FieldRow[] {
  const required = new Set(schema.required ?? []);
  return Object.entries(schema.properties ?? {}).flatMap(([name, field]) => {
    const path = `${prefix}${name}`;
    const row: FieldRow = { path, type: typeOf(field), required: required.has(name), notes: notesOf(field) };
    if (depth >= 3) return [row];
    if (isPlainObject(field)) return [row, ...rowsOf(field, `${path}.`, depth + 1)];
    if (field.type === 'array' && field.items && isPlainObject(field.items)) return [row, ...rowsOf(field.items, `${path}[].`, depth + 1)];
    return [row];
  });
}

/** "kind = pdu": what tells one shape of a union from the others (a field whose value is fixed). */
function titleOf(shape: JsonSchema, index: number): string {
  const fixed = Object.entries(shape.properties ?? {}).find(([, field]) => field.const !== undefined || field.enum?.length === 1);
  if (!fixed) return `Shape ${index + 1}`;
  const [name, field] = fixed;
  return `${name} = ${literal(field.const ?? field.enum?.[0])}`;
}

/** The input of a procedure as tables of fields: one for an object, one per shape for a union of objects. */
export function inputShapes(schema: JsonSchema): InputShape[] {
  const union = schema.oneOf ?? schema.anyOf;
  if (union && !schema.properties) return union.map((shape, index) => ({ title: titleOf(shape, index), rows: rowsOf(shape, '', 0) }));
  return [{ title: null, rows: rowsOf(schema, '', 0) }];
}
