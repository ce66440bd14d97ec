import { fieldLabel, valueText, type ValueContext } from './audit.values';

type Fields = Readonly<Record<string, unknown>>;

const isRecord = (value: unknown): value is Fields => typeof value === 'object' && value !== null && !Array.isArray(value);

/** Bookkeeping every record has, or what the sentence already says: nothing for the lines below it. */
const unlisted = new Set(['id', 'createdAt', 'updatedAt', 'createdBy', 'actor', 'uploadedBy', 'commentId', 'comment', 'movedMinerIds']);
/** A new or removed record's name is in the sentence already. */
const namingFields = new Set(['name', 'title', 'assetId', 'fileName']);
const fieldsShownOfWholeRecord = 6;

/** The fields of a record as it was created or removed: the filled ones, the first few. */
function wholeRecordLines(record: Fields, ctx: Omit<ValueContext, 'record'>): string[] {
  const filled = Object.entries(record).filter(
    ([key, value]) => !unlisted.has(key) && !namingFields.has(key) && value !== null && value !== undefined && value !== '' && value !== false,
  );
  const lines = filled.slice(0, fieldsShownOfWholeRecord).map(([key, value]) => `${fieldLabel(key)}: ${valueText(key, value, { ...ctx, record })}`);
  const more = filled.length - fieldsShownOfWholeRecord;
  return more > 0 ? [...lines, `… and ${more} more field${more === 1 ? '' : 's'}`] : lines;
}

/** The fields whose value differs between before and after (a field only after, such as a reason, counts as changed). */
export function changedKeys(before: Fields, after: Fields): string[] {
  return [...new Set([...Object.keys(before), ...Object.keys(after)])].filter(
    (key) => !unlisted.has(key) && key in after && JSON.stringify(before[key] ?? null) !== JSON.stringify(after[key] ?? null),
  );
}

/**
 * The lines under an audit row's sentence, in words: "Assignee: — → Maria Lopez" per changed field; a
 * new or removed record's first fields. Ids read as names, codes as labels, times in the site's zone.
 */
export function describeChanges(before: unknown, after: unknown, ctx: Omit<ValueContext, 'record'>): string[] {
  if (!isRecord(before) && isRecord(after)) return wholeRecordLines(after, ctx);
  if (isRecord(before) && !isRecord(after)) return wholeRecordLines(before, ctx);
  if (!isRecord(before) || !isRecord(after)) return [];
  return changedKeys(before, after).map((key) => {
    const now = valueText(key, after[key], { ...ctx, record: after });
    return key in before ? `${fieldLabel(key)}: ${valueText(key, before[key], { ...ctx, record: before })} → ${now}` : `${fieldLabel(key)}: ${now}`;
  });
}
