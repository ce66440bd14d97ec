import { describe, expect, it } from 'vitest';
import { meterProfileSchema, pduProfileSchema } from '../../../contract/power.profiles';
import { builtInPowerProfiles } from '.';

describe('built-in power profiles', () => {
  it.each([...builtInPowerProfiles])('%s parses with the contract schema unchanged', (_key, profile) => {
    const schema = profile.kind === 'pdu' ? pduProfileSchema : meterProfileSchema;
    const parsed = schema.safeParse(profile.definition);
    expect(parsed.error?.issues ?? []).toEqual([]);
    expect(parsed.data).toEqual(profile.definition);
  });

  it('has keys in lower-case kebab form and a label for each', () => {
    for (const [key, profile] of builtInPowerProfiles) {
      expect(key).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
      expect(profile.label.length).toBeGreaterThan(3);
    }
  });

  it('puts {outlet} in every per-outlet OID and nowhere in the scalar ones', () => {
    for (const [, profile] of builtInPowerProfiles) {
      if (profile.kind !== 'pdu') continue;
      const { outletCountOid, outlet, total } = profile.definition;
      expect(outletCountOid).not.toContain('{outlet}');
      for (const field of [outlet.name, outlet.powerW, outlet.energyWh, outlet.state]) if (field) expect(field.oid).toContain('{outlet}');
      for (const field of [total.powerW, total.energyWh]) if (field) expect(field.oid).not.toContain('{outlet}');
    }
  });
});
