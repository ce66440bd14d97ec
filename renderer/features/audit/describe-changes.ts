const label = (key: string) => key.replace(/([a-z])([A-Z])/g, '$1 $2').replace(/^./, (c) => c.toUpperCase());

function show(value: unknown): string {
  if (value === null || value === undefined || value === '') return '—';
  if (typeof value === 'string') return value.length > 80 ? `${value.slice(0, 77)}…` : value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return JSON.stringify(value);
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Bookkeeping fields every record has: they say nothing to a reader of the log. */
const bookkeeping = new Set(['id', 'createdAt', 'updatedAt']);
const fieldsShownOfNewRecord = 5;

/** Before/after of an audit row in words: one "Field: old → new" line per field that changed; a new record's first fields. */
export function describeChanges(before: unknown, after: unknown): string[] {
  if (!isRecord(before) && isRecord(after)) {
    const filled = Object.entries(after).filter(([key, value]) => !bookkeeping.has(key) && value !== null && value !== '' && value !== false);
    const lines = filled.slice(0, fieldsShownOfNewRecord).map(([key, value]) => `${label(key)}: ${show(value)}`);
    const more = filled.length - fieldsShownOfNewRecord;
    return more > 0 ? [...lines, `… and ${more} more field${more === 1 ? '' : 's'}`] : lines;
  }
  if (isRecord(before) && !isRecord(after)) return ['Removed'];
  if (!isRecord(before) || !isRecord(after)) return [];
  const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])].filter((key) => key !== 'updatedAt');
  return keys
    .filter((key) => JSON.stringify(before[key]) !== JSON.stringify(after[key]))
    .map((key) => `${label(key)}: ${show(before[key])} → ${show(after[key])}`);
}
