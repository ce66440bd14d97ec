import { z } from 'zod';
import { describe, expect, it } from 'vitest';
import { describeIssues } from './errors';
import { fieldLabel } from './field-labels';

describe('describeIssues', () => {
  it('names each failing field in plain words and keeps per-field reasons', () => {
    const schema = z.object({ energyRatePerKwh: z.string().min(1, 'is required'), contactEmail: z.email('is not a valid e-mail address') });
    const result = schema.safeParse({ energyRatePerKwh: '', contactEmail: 'nope' });
    expect(result.success).toBe(false);
    const { message, fields } = describeIssues(result.error!);
    expect(message).toBe('Energy rate per kWh: is required. Contact e-mail: is not a valid e-mail address.');
    expect(fields).toEqual({ energyRatePerKwh: 'is required', contactEmail: 'is not a valid e-mail address' });
  });
});

describe('field labels in messages', () => {
  it('uses the form label instead of the internal field name, and leaves out grouping objects', () => {
    const schema = z.object({ device: z.object({ siteId: z.number(), host: z.string() }), changes: z.object({ clientId: z.number() }) });
    const result = schema.safeParse({ device: {}, changes: {} });
    expect(describeIssues(result.error!).message).toMatch(/^Site: .*\. Address: .*\. Client: /);
  });

  it('numbers list items, says which item a field belongs to, and keeps a reason that ends in ".." whole', () => {
    expect(fieldLabel(['ranges', 1])).toBe('Ranges #2');
    expect(fieldLabel(['pools', 0, 'url'])).toBe('URL (Pools #1)');
    expect(fieldLabel(['minerIds'])).toBe('Miners');
    expect(fieldLabel(['assetId'])).toBe('Asset ID');
    const issue = z
      .string()
      .refine(() => false, 'must be a file name, not "." or ".."')
      .safeParse('..');
    expect(describeIssues(issue.error!).message).toBe('Input: must be a file name, not "." or "..".');
  });
});
