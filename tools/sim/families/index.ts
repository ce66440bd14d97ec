import type { FamilyName } from '../miner';
import { antminer } from './antminer';
import type { FamilyDefinition } from './common';

export const families: Partial<Record<FamilyName, FamilyDefinition>> = { antminer };
