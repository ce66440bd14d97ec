import { eq } from 'drizzle-orm';
import { inChunks } from '../../../db/chunks';
import type { DbOrTx } from '../../../db/open-db';
import { clients as clientsTable, minerTags } from '../../../db/schema';
import type { MinerLiveStatus } from '../../contract/miners';
import type { TaskStatus, TaskType } from '../../contract/tasks';
import { createMiners, type NewMiner } from '../miners/miners.service';
import { listModels } from '../models/models.service';
import { addTaskComment, createTask } from '../tasks/tasks.service';
import { DAY_MS, HOUR_MS, MINUTE_MS } from './demo.context';
import type { DemoTimeline } from './seed-clients';
import type { Random } from './seed-random';
import type { DemoPlace } from './seed-sites';

/** [make, model, share of the fleet, driver family, firmwares seen on the floor] */
const models: [string, string, number, string, string[]][] = [
  ['Bitmain', 'Antminer S19 XP', 22, 'antminer', ['Antminer S19 XP 20240418', 'LUXminer 2025.3.14']],
  ['Bitmain', 'Antminer S21', 30, 'antminer', ['Antminer S21 20241022', 'Braiins OS 25.07']],
  ['Bitmain', 'Antminer T21', 12, 'antminer', ['Antminer T21 20240711']],
  ['MicroBT', 'Whatsminer M50S', 14, 'whatsminer', ['20240509.22.REL']],
  ['MicroBT', 'Whatsminer M60', 10, 'whatsminer', ['20241105.18.REL']],
  ['Canaan', 'Avalon A1366', 10, 'avalon', ['23061101_4ec57f4_a4b2271']],
  ['Bitaxe', 'Bitaxe Gamma', 2, 'bitaxe', ['v2.4.2']],
];

const taskTitles: [TaskType, string, string][] = [
  ['repair', 'Hashboard 2 reports 0 chips', 'Chain 2 dropped out after the last restart. Reseat the ribbon cable, then swap the board if it stays at 0.'],
  ['reboot', 'Hashrate dropped below 80% after pool switch', 'Reboot and confirm the pool and worker settings took.'],
  ['swap', 'Replace failed PSU', 'PSU fan stopped; the unit trips the PDU outlet. Swap with a spare from Odessa storage.'],
  ['install', 'Rack and cable new shipment', 'Unbox, label with asset IDs, rack, cable and add to the pool.'],
  ['remove', 'Pack miners for return to client', 'Client collects next week: unrack, clean and pack with the original PSUs.'],
  ['inspection', 'Quarterly dust and fan inspection', 'Blow out dust, check every fan spins and log the intake temperature.'],
  ['repair', 'Fan 3 at 0 RPM', 'Replace the fan; check the connector on the control board.'],
  ['swap', 'Swap control board after firmware brick', 'Board does not boot after the update; swap it and reflash the stock firmware.'],
];

const taskComments = ['Parts ordered, ETA Friday.', 'Checked on site: confirmed.', 'Client informed by e-mail.', 'Waiting for the spare from storage.'];

/** The day of an instant (UTC is close enough for demo data). */
const dueOn = (ms: number) => new Date(ms).toISOString().slice(0, 10);

const pad = (n: number, width: number) => String(n).padStart(width, '0');
// Upper-case colon form, as every other writer stores MACs (normaliseMac).
const hex = (n: number) => n.toString(16).toUpperCase().padStart(2, '0');

export type DemoFloor = { positions: DemoPlace[]; storageSiteId: number };

/**
 * About 2,800 miners spread over the clients, racked client by client in floor order and linked to
 * their catalogue model, each client's arriving days after the client came; spares (and any miner beyond
 * the racks) wait unracked at the storage site, bought when the facility opened. A live status the
 * telemetry seeding gives readings to (racked miners answer or not; boxed spares were never polled).
 * Open and closed tasks of the last weeks, commented by the staff.
 */
export function seedDemoFleet(
  db: DbOrTx,
  random: Random,
  clients: { ids: number[]; onboardedMs: number[] },
  staff: { ids: number[]; names: readonly string[] },
  floor: DemoFloor,
  actor: string,
  { clock, when, openedMs }: DemoTimeline,
): { miners: number; tasks: number } {
  const clientIds = clients.ids;
  const staffIds = staff.ids;
  // A few large clients, many small ones, as on a real floor; a client that left (inactive) took its machines.
  const left = new Set(
    db
      .select({ id: clientsTable.id })
      .from(clientsTable)
      .where(eq(clientsTable.status, 'inactive'))
      .all()
      .map((c) => c.id),
  );
  const sizes = clientIds.map((id, i) => {
    const drawn = i < 6 ? random.int(180, 320) : i < 30 ? random.int(20, 80) : random.int(0, 12);
    return left.has(id) ? 0 : drawn;
  });
  const owners = [...clientIds.flatMap((id, i) => Array<number | null>(sizes[i]).fill(id)), ...Array<null>(60).fill(null)];
  const modelWeights = Object.fromEntries(models.map(([, model, share]) => [model, share]));
  const modelIds = new Map(listModels(db, { search: '' }).map((entry) => [entry.model, entry.id]));
  const racked = floor.positions.values();
  const storage: DemoPlace = { siteId: floor.storageSiteId, rackId: null, rackPosition: null };
  const fleet = owners.map((clientId, i): NewMiner => {
    const model = random.weighted(modelWeights);
    const [make, , , family, firmwares] = models.find((m) => m[1] === model) ?? models[0];
    const row = Math.floor(i / 200) + 1;
    const drawn = random.weighted<MinerLiveStatus>({ online: 92, offline: 2, warning: 3, unknown: 3 });
    const place = (clientId !== null && racked.next().value) || storage;
    // A racked machine is polled, so it is known one way or the other; only spares in their boxes were never polled.
    const liveStatus: MinerLiveStatus = place.rackId === null ? 'unknown' : drawn === 'unknown' ? 'online' : drawn;
    return {
      assetId: `NW-${pad(i + 1, 5)}`,
      serial: `${make.slice(0, 2).toUpperCase()}${pad(random.int(0, 99_999_999), 8)}`,
      mac: ['02', hex(row), hex(i % 256), hex(random.int(0, 255)), hex(random.int(0, 255)), hex(random.int(0, 255))].join(':'),
      // The demo fleet lives in 127.60.0.0/16, where the simulator serves miners: never a real LAN address.
      ip: `127.60.${row}.${(i % 200) + 10}`,
      hostname: `r${pad(row, 2)}-${pad((i % 200) + 1, 3)}`,
      make,
      model,
      firmware: random.pick(firmwares),
      family,
      // Pool workers named after the client account and the machine, as hosting sites set them up.
      workerName: clientId === null ? null : `c${clientId}.r${pad(row, 2)}x${pad((i % 200) + 1, 3)}`,
      clientId,
      paid: clientId === null || !random.chance(0.05),
      liveStatus,
      modelId: modelIds.get(model) ?? null,
      ...place,
    };
  });
  // Spares were bought when the facility opened; each client's machines arrived days after the client came.
  // Created in floor order, so ids follow asset IDs.
  const arrivals = [...clientIds, null].map((clientId) => {
    const index = clientId === null ? -1 : clientIds.indexOf(clientId);
    const atMs = index < 0 ? openedMs + 7 * DAY_MS : clients.onboardedMs[index] + when.int(3, 10) * DAY_MS;
    return { atMs, miners: fleet.filter((miner) => (miner.clientId ?? null) === clientId) };
  });
  const minerRows = arrivals.flatMap(({ atMs, miners: arriving }) => {
    if (!arriving.length) return [];
    clock.set(atMs);
    return createMiners(db, arriving, actor);
  });
  // A few labels, as a floor team uses them: machines to watch, a client's VIP fleet, the new batch.
  const tagged = minerRows.flatMap(({ id: minerId, clientId }) => [
    ...(random.chance(0.06) ? [{ minerId, tag: 'watch' }] : []),
    ...(clientId === clientIds[0] ? [{ minerId, tag: 'VIP' }] : []),
    ...(random.chance(0.04) ? [{ minerId, tag: 'batch-2026-10' }] : []),
  ]);
  for (const chunk of inChunks(tagged)) db.insert(minerTags).values(chunk).run();
  let tasks = 0;
  for (const clientId of clientIds.slice(0, 30)) {
    const clientMiners = minerRows.filter((miner) => miner.clientId === clientId).map((miner) => miner.id);
    for (let n = random.int(0, 3); n > 0; n -= 1) {
      const [type, title, description] = random.pick(taskTitles);
      const status = random.weighted<TaskStatus>({ open: 4, in_progress: 3, waiting_parts: 2, done: 5, cancelled: 1 });
      const priority = random.pick(['low', 'normal', 'normal', 'high', 'urgent'] as const);
      const first = random.int(0, Math.max(0, clientMiners.length - 3));
      const openedAtMs = clock.realNow.getTime() - when.int(2 * HOUR_MS, 40 * DAY_MS);
      clock.set(openedAtMs);
      const task = createTask(
        db,
        {
          title,
          type,
          status,
          priority,
          clientId,
          assigneeId: random.pick(staffIds),
          dueDate: dueOn(Math.max(openedAtMs + DAY_MS, clock.realNow.getTime() + random.int(-20, 30) * DAY_MS)),
          description,
          minerIds: clientMiners.slice(first, first + random.int(1, 3)),
        },
        when.pick(staff.names),
      );
      for (let c = random.int(0, 2); c > 0; c -= 1) {
        clock.set(Math.min(clock.realNow.getTime() - 5 * MINUTE_MS, clock.now().getTime() + when.int(20 * MINUTE_MS, 30 * HOUR_MS)));
        addTaskComment(db, { taskId: task.id, body: random.pick(taskComments) }, when.pick(staff.names));
      }
      tasks += 1;
    }
  }
  return { miners: owners.length, tasks };
}
