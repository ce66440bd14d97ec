import type { CallName, Contract, Result } from '../../contract';
import type { ParsedInputOf } from '../../contract/define';
import type { DeviceTarget } from '../../contract/devices';
import type { MinerFilters } from '../../contract/miners.list';
import type { ClientRef } from './client-scope';

type In<K extends CallName> = ParsedInputOf<Contract[K]>;

/**
 * How one procedure meets the scope of a caller who sees only the clients they manage (applied by withClientScope):
 * `touches` names the clients, or the contracts, invoices… of clients, that the input reads or changes (each must be
 * the caller's, else NOT_FOUND); `narrow` rewrites the input for them (a list cut to their clients, a new client
 * made theirs; `mine` gives the ids of their clients); `manager` is the manager the input gives a client, which must stay them; `keep` cuts a result down to their clients.
 */
export type ScopeRule<K extends CallName> = {
  touches?: (input: In<K>) => ClientRef[];
  narrow?: (input: In<K>, managerId: number, mine: () => readonly number[]) => In<K>;
  /** The manager the input gives a client: a scoped caller must stay it (requireOwnManager). */
  manager?: (input: In<K>) => number;
  keep?: (result: Result<K>, mine: (clientId: number) => boolean) => Result<K>;
  /** Refused outright to a scoped caller, with this sentence: the work reaches every client's records at once. */
  refused?: string;
};

const client = (id: number): ClientRef => ({ client: id });
const optionalClient = (id: number | undefined): ClientRef[] => (id === undefined ? [] : [client(id)]);
const optionalMiner = (id: number | null | undefined): ClientRef[] => (id === undefined || id === null ? [] : [{ miner: id }]);
/** A report or run over every client unless one is given: a scoped caller must give one of theirs. */
const clientOrEvery = (id: number | undefined): ClientRef[] => (id === undefined ? [{ everyClient: true }] : [client(id)]);
const byClientId = (input: { clientId: number }) => [client(input.clientId)];
const contractById = (input: { id: number }): ClientRef[] => [{ contract: input.id }];
const contractByContractId = (input: { contractId: number }): ClientRef[] => [{ contract: input.contractId }];
const invoiceById = (input: { id: number }): ClientRef[] => [{ invoice: input.id }];

type Rules = { [K in CallName]?: ScopeRule<K> };

/** The clients a Miners-table filter names (each must be the caller's; "unassigned" is the facility's own). */
const filterClients = (filter: MinerFilters | undefined): ClientRef[] => (filter?.clientIds ?? []).flatMap((id) => (id === 'unassigned' ? [] : [client(id)]));
/**
 * A Miners-table filter that names no client, cut to the miners a scoped caller sees: their clients' and the
 * facility's own (no client), as tasks and messages of no client are everyone's. One that names clients is left as
 * it is: filterClients has checked them.
 */
function minersInSight<F extends MinerFilters>(filter: F, mine: () => readonly number[]): F {
  return filter.clientIds.length ? filter : { ...filter, clientIds: [...mine(), 'unassigned'] };
}
const minerSelection = (ids: readonly number[] | undefined): ClientRef[] => (ids?.length ? [{ miners: ids }] : []);
/** The miners a device action concerns: listed ones, a filter's, or a client's. */
const targetRefs = (target: DeviceTarget & { clientId?: number }): ClientRef[] => [
  ...minerSelection(target.minerIds),
  ...filterClients(target.filter as MinerFilters | undefined),
  ...optionalClient(target.clientId),
];
function targetInSight<I extends { target: { filter?: MinerFilters } }>(input: I, mine: () => readonly number[]): I {
  return input.target.filter ? { ...input, target: { ...input.target, filter: minersInSight(input.target.filter, mine) } } : input;
}
/** The one rule of every procedure aimed at a device target (preview, start, the redirect count). */
const deviceTargetRule = {
  touches: (input: { target: DeviceTarget & { clientId?: number } }) => targetRefs(input.target),
  narrow: <I extends { target: { filter?: MinerFilters } }>(input: I, _managerId: number, mine: () => readonly number[]) => targetInSight(input, mine),
};
const importRefused =
  'Your role sees only the clients you manage, and an import may match and change miners of any client: ask someone whose role sees every client to import this file.';

/**
 * Every procedure that takes or gives data of particular clients, outside the client's own view (portal.*). Lists
 * too long to cut after the query, and the dashboard's counts, are filtered in their services: they are listed in
 * `scopedInService`. The fleet a scoped caller sees is their clients' miners and the facility's own (no client).
 */
export const clientScopeRules: Rules = {
  'clients.create': { narrow: (input, managerId) => ({ ...input, managerId }) },
  'clients.update': { touches: (input) => [client(input.id)], manager: (input) => input.managerId },
  'clients.get': { touches: (input) => [client(input.id)] },
  'clients.list': { narrow: (input, managerId) => ({ ...input, managerIds: [managerId] }) },
  'clients.setStatus': { touches: (input) => [client(input.id)] },
  'clients.statusHistory': { touches: byClientId },
  'clients.merge.preview': { touches: (input) => [client(input.sourceId), client(input.survivorId)] },
  'clients.merge': { touches: (input) => [client(input.sourceId), client(input.survivorId)] },
  'clients.archive': { touches: (input) => [client(input.id)] },
  'clients.contacts.list': { touches: byClientId },
  'clients.contacts.create': { touches: byClientId },
  'clients.contacts.update': { touches: (input) => [{ contact: input.id }] },
  'clients.contacts.delete': { touches: (input) => [{ contact: input.id }] },
  'clients.documents.list': { touches: byClientId },
  'clients.documents.upload': { touches: byClientId },
  'clients.documents.get': { touches: (input) => [{ document: input.id }] },
  'clients.documents.delete': { touches: (input) => [{ document: input.id }] },
  'clients.pricing.set': { touches: byClientId },
  'clients.pricing.list': { touches: byClientId },
  'clients.viewers.list': { touches: byClientId },
  'clients.viewers.create': { touches: byClientId },
  'clients.journal': { touches: byClientId },
  'clients.statement': { touches: byClientId },
  'clients.statement.send': { touches: byClientId },

  'contracts.defaults': { touches: byClientId },
  'contracts.create': { touches: byClientId },
  'contracts.update': { touches: (input) => [...contractById(input), ...optionalClient(input.clientId)] },
  'contracts.get': { touches: contractById },
  'contracts.assignEquipment': { touches: contractByContractId },
  'contracts.releaseEquipment': { touches: contractByContractId },
  'contracts.activate': { touches: contractById },
  'contracts.extend': { touches: contractById },
  'contracts.renew': { touches: contractById },
  'contracts.terminate': { touches: contractById },
  'contracts.deleteDraft': { touches: contractById },
  'contracts.timeline': { touches: contractById },
  // The wizard's miner list: another manager's client named in its filter is not theirs to browse.
  'contracts.equipmentCandidates': { touches: (input) => [...contractByContractId(input), ...filterClients(input)] },
  'contracts.siteCandidates': { touches: contractByContractId },

  'billing.preview': { touches: byClientId },
  'invoices.generateBatch': { touches: (input) => (input.clientIds ? input.clientIds.map(client) : [{ everyClient: true }]) },
  'invoices.get': { touches: invoiceById },
  'invoices.pdf': { touches: invoiceById },
  'invoices.issue': { touches: invoiceById },
  'invoices.void': { touches: invoiceById },
  'invoices.creditNote': { touches: (input) => [{ invoice: input.invoiceId }] },
  'invoices.send': { touches: (input) => input.ids.map((id) => ({ invoice: id })) },

  'payments.record': {
    touches: (input) => [client(input.clientId), ...(Array.isArray(input.allocate) ? input.allocate.map((a) => ({ invoice: a.invoiceId })) : [])],
  },
  'payments.allocate': { touches: (input) => [{ payment: input.paymentId }, ...input.allocations.map((a) => ({ invoice: a.invoiceId }))] },
  'payments.list': { touches: (input) => optionalClient(input.clientId), keep: (rows, mine) => rows.filter((row) => mine(row.clientId)) },
  'payments.refund': { touches: (input) => [{ payment: input.paymentId }] },
  'payments.defaultProposals': { keep: (rows, mine) => rows.filter((row) => mine(row.clientId)) },

  'reports.monthlyConsumption': { touches: (input) => clientOrEvery(input.clientId) },
  'reports.clientPerformance': { touches: (input) => clientOrEvery(input.clientId) },
  'reports.exports': { touches: () => [{ everyClient: true }] },

  'mail.outbox.retry': { touches: (input) => [{ mailMessage: input.id }] },
  'announcements.send': {
    touches: (input) => (input.audience.kind === 'miners' ? input.audience.minerIds.map((id) => ({ miner: id })) : [{ everyClient: true }]),
  },
  'announcements.list': {
    keep: (page, mine) => ({ ...page, rows: page.rows.map((row) => ({ ...row, recipients: row.recipients.filter((r) => mine(r.clientId)) })) }),
  },
  'miners.list': { touches: filterClients, narrow: (input, _managerId, mine) => minersInSight(input, mine) },
  'miners.get': { touches: (input) => [{ miner: input.id }] },
  'miners.history': { touches: (input) => [{ miner: input.id }] },
  'miners.export': {
    touches: (input) => [...minerSelection(input.ids), ...filterClients(input.filter)],
    narrow: (input, _managerId, mine) => ({ ...input, filter: minersInSight(input.filter, mine) }),
  },
  'miners.massEdit': {
    touches: (input) => [
      ...minerSelection(input.minerIds),
      ...filterClients(input.filter),
      ...optionalClient(input.changes.clientId ?? undefined),
      ...(input.changes.clientEmail === undefined ? [] : [{ clientEmail: input.changes.clientEmail }]),
    ],
    narrow: (input, _managerId, mine) => (input.filter ? { ...input, filter: minersInSight(input.filter, mine) } : input),
  },
  'miners.create': { touches: (input) => optionalClient(input.clientId ?? undefined) },
  'miners.update': { touches: (input) => [{ miner: input.id }, ...optionalClient(input.clientId ?? undefined)] },
  'miners.identity.reviews.resolve': { touches: (input) => optionalMiner(input.minerId) },
  'miners.import.preview': { refused: importRefused },
  'miners.import.commit': { refused: importRefused },
  'devices.actions.preview': deviceTargetRule,
  'devices.actions.start': deviceTargetRule,
  'devices.redirects.count': deviceTargetRule,
  'power.outlets.ofMiner': { touches: (input) => [{ miner: input.minerId }] },
  'audit.list': { touches: (input) => optionalClient(input.clientId) },
  'telemetry.series': { touches: (input) => [...optionalClient(input.clientId), ...optionalMiner(input.minerId)] },
  'tasks.list': { touches: (input) => optionalClient(input.clientId ?? undefined) },
  'tasks.create': {
    touches: (input) => [...optionalClient(input.clientId ?? undefined), ...minerSelection(input.minerIds), ...filterClients(input.minerFilter)],
    narrow: (input, _managerId, mine) => (input.minerFilter ? { ...input, minerFilter: minersInSight(input.minerFilter, mine) } : input),
  },
  'tasks.get': { touches: (input) => [{ task: input.id }] },
  'tasks.update': { touches: (input) => [{ task: input.id }, ...optionalClient(input.clientId ?? undefined)] },
  'tasks.miners.add': { touches: (input) => [{ task: input.taskId }, { miners: input.minerIds }] },
  'tasks.miners.remove': { touches: (input) => [{ task: input.taskId }] },
  'tasks.comments.add': { touches: (input) => [{ task: input.taskId }] },
  'alerts.list': { touches: (input) => [...optionalClient(input.clientId ?? undefined), ...optionalMiner(input.minerId)] },
  'alerts.acknowledge': { touches: (input) => [{ alerts: input.ids }] },
  'devices.actions.list': { touches: (input) => optionalClient(input.clientId) },
};

/** Lists and counts filtered by their own queries (clientScopeCondition, clientScopeSqlText), not by a rule. */
export const scopedInService: readonly CallName[] = [
  'contracts.list',
  'invoices.list',
  'audit.list',
  'tasks.list',
  'mail.outbox.list',
  'alerts.list',
  'alerts.feed',
  'dashboard.summary',
];
