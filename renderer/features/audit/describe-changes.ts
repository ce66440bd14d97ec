const label = (key: string) => key.replace(/([a-z])([A-Z])/g, '$1 $2').replace(/^./, (c) => c.toUpperCase());

function show(value: unknown): string {
  if (value === null || value === undefined || value === '') return '—';
  if (typeof value === 'string') return value.length > 80 ? `${value.slice(0, 77)}…` : value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return JSON.stringify(value);
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Before/after of an audit row in words: one "Field: old → new" line per field that changed. */
export function describeChanges(before: unknown, after: unknown): string[] {
  if (!isRecord(before) && isRecord(after)) return Object.entries(after).map(([key, value]) => `${label(key)}: ${show(value)}`);
  if (isRecord(before) && !isRecord(after)) return ['Removed'];
  if (!isRecord(before) || !isRecord(after)) return [];
  const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])];
  return keys
    .filter((key) => JSON.stringify(before[key]) !== JSON.stringify(after[key]))
    .map((key) => `${label(key)}: ${show(before[key])} → ${show(after[key])}`);
}
