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

  it('accepts {inlet} in the total OIDs only with an inlet count OID, and never in the per-outlet ones', () => {
    const raritan = builtInPowerProfiles.get('raritan-px');
    if (raritan?.kind !== 'pdu') throw new Error('raritan-px is not a PDU profile');
    const withoutCount = pduProfileSchema.safeParse({ ...raritan.definition, total: { ...raritan.definition.total, inletCountOid: null } });
    expect(withoutCount.error?.issues.map((issue) => [issue.path.join('.'), issue.message])).toEqual([
      ['total.inletCountOid', 'uses {inlet} but has no inlet count OID (total.inletCountOid) to say how many inlets to add up'],
    ]);
    const inletPerOutlet = {
      ...raritan.definition,
      outlet: { ...raritan.definition.outlet, powerW: { oid: '1.3.6.1.4.1.13742.6.5.4.3.1.4.1.{inlet}.5', scale: '1' } },
    };
    expect(pduProfileSchema.safeParse(inletPerOutlet).success).toBe(false);
  });
});
