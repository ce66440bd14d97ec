import type { FamilyName } from '../miner';
import { antminer } from './antminer';
import { auradine } from './auradine';
import { avalon } from './avalon';
import { bitaxe } from './bitaxe';
import { braiins } from './braiins';
import type { FamilyDefinition } from './common';
import { epic } from './epic';
import { luxos } from './luxos';
import { whatsminer } from './whatsminer';

export const families: Record<FamilyName, FamilyDefinition> = { antminer, whatsminer, luxos, braiins, avalon, epic, bitaxe, auradine };
