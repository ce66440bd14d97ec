import { describe, expect, it } from 'vitest';
import { pduProfileSchema } from '../../electron/contract/power.profiles';
import { cyberpowerEpdu } from '../../electron/services/power/profiles/cyberpower-epdu';
import { raritanPx } from '../../electron/services/power/profiles/raritan-px';
import { hasOldCyberPowerOids, pduDefinition, pduText } from '../../renderer/features/power/profile-form';

describe('PDU profile editor text', () => {
  it('keeps the inlet count OID of a copied multi-inlet profile, so the copy still adds up its inlets', () => {
    const copied = pduProfileSchema.parse(pduDefinition(pduText(raritanPx)));
    expect(copied).toEqual(raritanPx);
    expect(pduDefinition({ ...pduText(raritanPx), total: { ...pduText(raritanPx).total, inletCountOid: '  ' } }).total.inletCountOid).toBeNull();
  });

  it('flags the outlet power and energy OIDs of the old CyberPower ePDU profile, not the checked ones', () => {
    const current = pduText(cyberpowerEpdu);
    expect(hasOldCyberPowerOids(current)).toBe(false);
    const oldPower = { ...current, outlet: { ...current.outlet, powerW: { oid: '.1.3.6.1.4.1.3808.1.1.3.5.1.1.6.{outlet}', scale: '1' } } };
    expect(hasOldCyberPowerOids(oldPower)).toBe(true);
    const oldEnergy = {
      ...current,
      outlet: { ...current.outlet, energyWh: { oid: '1.3.6.1.4.1.3808.1.1.3.5.1.1.7.{outlet}', scale: '100', bits: '32' as const } },
    };
    expect(hasOldCyberPowerOids(oldEnergy)).toBe(true);
  });
});
