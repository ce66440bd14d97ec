import { contract, type Input } from '../../../electron/contract';
import { describeIssues } from '../../../electron/contract/errors';
import { rangeSize } from '../../../electron/contract/ip-ranges';
import { sentenceCase } from '../../components/zod-form';

/** `maxRate` as typed: addresses a second, empty for no cap. */
export type ScanFormValues = { siteId: string | null; rangesText: string; ports: string[]; saveRanges: boolean; maxRate: string };
export type ScanFormErrors = Partial<Record<'siteId' | 'ranges' | 'ports' | 'maxRate', string>>;

/** The ranges as typed, one per line (commas also separate), with the line each came from. */
export function rangeLines(text: string): { text: string; line: number }[] {
  return text.split('\n').flatMap((lineText, i) =>
    lineText
      .split(',')
      .map((part) => part.trim())
      .filter(Boolean)
      .map((part) => ({ text: part, line: i + 1 })),
  );
}

/** The scan call's input from the form; ports that are not numbers stay NaN so the contract names them. */
export function scanInput(values: ScanFormValues): Input<'discovery.scan'> {
  return {
    ranges: rangeLines(values.rangesText).map((r) => r.text),
    siteId: values.siteId ? Number(values.siteId) : null,
    ports: values.ports.map((port) => (/^\d+$/.test(port.trim()) ? Number(port) : Number.NaN)),
    saveRanges: values.saveRanges && values.siteId !== null,
    // Text that is not a whole number stays NaN, so the contract names it.
    maxRate: values.maxRate.trim() === '' ? null : /^\d+$/.test(values.maxRate.trim()) ? Number(values.maxRate) : Number.NaN,
  };
}

/**
 * Field reasons from the contract (or from the API, which sends the same keys: `ranges.1`, `ports.0`)
 * put under the input they belong to, each range's reason with its line number.
 */
export function scanFormErrors(fields: Record<string, string> | undefined, values: ScanFormValues): ScanFormErrors {
  const lines = rangeLines(values.rangesText);
  const ports = values.ports;
  const ranges: string[] = [];
  const portReasons: string[] = [];
  const errors: ScanFormErrors = {};
  for (const [key, reason] of Object.entries(sentenceCase(fields))) {
    const [field, index] = key.split('.');
    const at = index === undefined ? null : Number(index);
    if (field === 'ranges') ranges.push(at === null ? reason : `Line ${lines[at]?.line ?? at + 1}: ${reason}`);
    else if (field === 'ports') portReasons.push(at === null ? reason : `Port "${ports[at] ?? at + 1}": ${reason.charAt(0).toLowerCase()}${reason.slice(1)}`);
    else if (field === 'siteId' || field === 'maxRate') errors[field] = reason;
  }
  if (ranges.length) errors.ranges = ranges.join('\n');
  if (portReasons.length) errors.ports = portReasons.join('\n');
  return errors;
}

export type ScanFormCheck = { ok: true; input: Input<'discovery.scan'>; addresses: number } | { ok: false; errors: ScanFormErrors };

/** Checks the form with the contract's own schema, so the screen refuses exactly what the API would. */
export function checkScanForm(values: ScanFormValues): ScanFormCheck {
  const input = scanInput(values);
  const parsed = contract['discovery.scan'].input.safeParse(input);
  if (!parsed.success) return { ok: false, errors: scanFormErrors(describeIssues(parsed.error).fields, values) };
  return { ok: true, input, addresses: rangeSize(parsed.data.ranges) };
}
