import { z } from 'zod';
import { describe, expect, it } from 'vitest';
import { describeIssues } from './errors';

describe('describeIssues', () => {
  it('names each failing field in plain words and keeps per-field reasons', () => {
    const schema = z.object({ energyRatePerKwh: z.string().min(1, 'is required'), contactEmail: z.email('is not a valid e-mail address') });
    const result = schema.safeParse({ energyRatePerKwh: '', contactEmail: 'nope' });
    expect(result.success).toBe(false);
    const { message, fields } = describeIssues(result.error!);
    expect(message).toBe('Energy rate per kWh: is required. Contact email: is not a valid e-mail address.');
    expect(fields).toEqual({ energyRatePerKwh: 'is required', contactEmail: 'is not a valid e-mail address' });
  });
});
