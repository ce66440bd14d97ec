import type { DbOrTx } from '../../../db/open-db';
import type { MinerLiveStatus } from '../../contract/miners';
import type { TaskStatus, TaskType } from '../../contract/tasks';
import { createMiners, type NewMiner } from '../miners/miners.service';
import { listModels } from '../models/models.service';
import { createTask } from '../tasks/tasks.service';
import type { Random } from './seed-random';
import type { DemoPlace } from './seed-sites';

/** [make, model, share of the fleet] */
const models: [string, string, number][] = [
  ['Bitmain', 'Antminer S19 XP', 22],
  ['Bitmain', 'Antminer S21', 30],
  ['Bitmain', 'Antminer T21', 12],
  ['MicroBT', 'Whatsminer M50S', 14],
  ['MicroBT', 'Whatsminer M60', 10],
  ['Canaan', 'Avalon A1366', 10],
  ['Bitaxe', 'Bitaxe Gamma', 2],
];

const taskTitles: [TaskType, string][] = [
  ['repair', 'Hashboard 2 reports 0 chips'],
  ['reboot', 'Hashrate dropped below 80% after pool switch'],
  ['swap', 'Replace failed PSU'],
  ['install', 'Rack and cable new shipment'],
  ['remove', 'Pack miners for return to client'],
  ['inspection', 'Quarterly dust and fan inspection'],
  ['repair', 'Fan 3 at 0 RPM'],
  ['swap', 'Swap control board after firmware brick'],
];

const pad = (n: number, width: number) => String(n).padStart(width, '0');
const hex = (n: number) => n.toString(16).padStart(2, '0');

export type DemoFloor = { positions: DemoPlace[]; storageSiteId: number };

/**
 * About 2,800 miners spread over the clients, racked client by client in floor order and linked to
 * their catalogue model; spares (and any miner beyond the racks) wait unracked at the storage site.
 * Some open and closed tasks.
 */
export function seedDemoFleet(
  db: DbOrTx,
  random: Random,
  clientIds: number[],
  staffIds: number[],
  floor: DemoFloor,
  actor: string,
): { miners: number; tasks: number } {
  // A few large clients, many small ones, as on a real floor.
  const sizes = clientIds.map((_, i) => (i < 6 ? random.int(180, 320) : i < 30 ? random.int(20, 80) : random.int(0, 12)));
  const owners = [...clientIds.flatMap((id, i) => Array<number | null>(sizes[i]).fill(id)), ...Array<null>(60).fill(null)];
  const modelWeights = Object.fromEntries(models.map(([, model, share]) => [model, share]));
  const modelIds = new Map(listModels(db, { search: '' }).map((entry) => [entry.model, entry.id]));
  const racked = floor.positions.values();
  const storage: DemoPlace = { siteId: floor.storageSiteId, rackId: null, rackPosition: null };
  const fleet = owners.map((clientId, i): NewMiner => {
    const model = random.weighted(modelWeights);
    const make = models.find((m) => m[1] === model)?.[0] ?? 'Bitmain';
    const row = Math.floor(i / 200) + 1;
    const liveStatus = random.weighted<MinerLiveStatus>({ online: 86, offline: 5, warning: 5, unknown: 4 });
    return {
      assetId: `NW-${pad(i + 1, 5)}`,
      serial: `${make.slice(0, 2).toUpperCase()}${pad(random.int(0, 99_999_999), 8)}`,
      mac: ['02', hex(row), hex(i % 256), hex(random.int(0, 255)), hex(random.int(0, 255)), hex(random.int(0, 255))].join(':'),
      // The demo fleet lives in 127.60.0.0/16, where the simulator serves miners: never a real LAN address.
      ip: `127.60.${row}.${(i % 200) + 10}`,
      hostname: `r${pad(row, 2)}-${pad((i % 200) + 1, 3)}`,
      make,
      model,
      clientId,
      paid: clientId === null || !random.chance(0.05),
      liveStatus,
      modelId: modelIds.get(model) ?? null,
      ...((clientId !== null && racked.next().value) || storage),
    };
  });
  createMiners(db, fleet, actor);
  let tasks = 0;
  for (const clientId of clientIds.slice(0, 30)) {
    for (let n = random.int(0, 3); n > 0; n -= 1) {
      const [type, title] = random.pick(taskTitles);
      const status = random.weighted<TaskStatus>({ open: 4, in_progress: 3, waiting_parts: 2, done: 5, cancelled: 1 });
      const priority = random.pick(['low', 'normal', 'normal', 'high', 'urgent'] as const);
      createTask(
        db,
        {
          title,
          type,
          status,
          priority,
          clientId,
          assigneeId: random.pick(staffIds),
          dueDate: `2025-${pad(random.int(1, 12), 2)}-${pad(random.int(1, 28), 2)}`,
        },
        actor,
      );
      tasks += 1;
    }
  }
  return { miners: owners.length, tasks };
}
