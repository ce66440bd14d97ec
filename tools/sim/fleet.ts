// Plans a fleet: which family, model, identity and quirk each address gets. Pure and deterministic
// for a seed, so tests can check a large fleet's identities without opening a socket.
import type { FamilyDefinition } from './families/common';
import { families } from './families';
import type { FamilyName, MinerControl, SimMiner } from './miner';
import { pickQuirk, type QuirkName } from './quirks';
import { diceFor } from './seed';

const day = 86_400_000;
const accounts = ['northernhash', 'permianhash', 'lonestar', 'mesa'];

export function definitionOf(name: FamilyName): FamilyDefinition {
  const definition = families[name];
  if (!definition) throw new Error(`The simulator has no "${name}" family.`);
  return definition;
}

export type FleetPlan = { addresses: readonly string[]; families: readonly FamilyName[]; seed: number; quirkRate: number; quirks: readonly QuirkName[] };

/** Families take turns along the addresses, so any slice of the range holds a mix of them. */
export function planMiners(plan: FleetPlan, control: MinerControl, nowMs = Date.now()): SimMiner[] {
  for (const name of plan.families) definitionOf(name);
  const fleet = { salt: diceFor(plan.seed, -1).int('fleet') % 36 ** 5 };
  return plan.addresses.map((ip, index) => {
    const dice = diceFor(plan.seed, index);
    const family = plan.families[index % plan.families.length];
    const definition = definitionOf(family);
    // API generations take turns too, so a few miners of a family already cover all of them.
    const api = definition.apis[Math.floor(index / plan.families.length) % definition.apis.length];
    const model = dice.pick(
      'model',
      definition.models.filter((spec) => !spec.api || spec.api === api),
    );
    const base = definition.identity(dice, index, fleet, api, model);
    // Only CGMiner-style JSON replies are sent malformed by real firmware.
    const allowed = plan.quirks.filter((quirk) => quirk !== 'malformed-json' || definition.ports(api).some((port) => port.framing === 'cgminer'));
    return {
      index,
      ip,
      family,
      api,
      identity: {
        ...base,
        model: model.model,
        nominalThs: model.ths,
        nominalPowerW: model.watts,
        worker: `${dice.pick('account', accounts)}.${base.hostname}`,
      },
      quirk: pickQuirk(dice, plan.quirkRate, allowed),
      spread: {
        hashFactor: dice.between('hash', 0.94, 1.04),
        tempOffsetC: Math.round(dice.between('temp', -6, 6)),
        fanFactor: dice.between('fan', 0.9, 1.1),
        phase: dice.between('phase', 0, 2 * Math.PI),
      },
      bootedAtMs: nowMs - Math.floor(dice.between('uptime', 600_000, 20 * day)),
      online: false,
      pools: null,
      tokens: null,
      servers: [],
      control,
    };
  });
}
