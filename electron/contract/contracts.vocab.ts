/** Words of the contracts domain shared by the schema, the services and the renderer. */

/**
 * hosted: the client's own miners at the facility; lease: the facility's miners leased to the client;
 * infinity: a hashrate lease (TH/s, no equipment); om: operations and maintenance of the client's own sites.
 */
export const contractTypes = ['hosted', 'lease', 'infinity', 'om'] as const;
export type ContractType = (typeof contractTypes)[number];

export const contractTypeLabels: Record<ContractType, string> = { hosted: 'Hosted', lease: 'Lease', infinity: 'Infinity', om: 'O&M' };

/** What each type puts under the contract: miners, whole sites, or nothing (Infinity sells TH/s). */
export const contractEquipmentKinds: Record<ContractType, 'miners' | 'sites' | null> = { hosted: 'miners', lease: 'miners', infinity: null, om: 'sites' };

/**
 * draft: not yet in force, temporary reference; active: in force, permanent number; expiring: in force and
 * inside the notice window before its end; renewed: replaced by its successor at its end; ended: ran to
 * its end; terminated: ended early (reason and instant recorded).
 */
export const contractStatuses = ['draft', 'active', 'expiring', 'renewed', 'ended', 'terminated'] as const;
export type ContractStatus = (typeof contractStatuses)[number];

export const contractStatusLabels: Record<ContractStatus, string> = {
  draft: 'Draft',
  active: 'Active',
  expiring: 'Expiring',
  renewed: 'Renewed',
  ended: 'Ended',
  terminated: 'Terminated',
};

/** In force: its equipment is under it and billing reads it. */
export const contractInForceStatuses: readonly ContractStatus[] = ['active', 'expiring'];

/** m2m: month-to-month; custom: the end is given. */
export const contractTerms = ['m2m', '3m', '6m', '1y', '2y', 'custom'] as const;
export type ContractTerm = (typeof contractTerms)[number];

export const contractTermLabels: Record<ContractTerm, string> = {
  m2m: 'Month-to-month',
  '3m': '3 months',
  '6m': '6 months',
  '1y': '1 year',
  '2y': '2 years',
  custom: 'Custom',
};

/** Calendar months per term; custom has none (its end is given). */
export const contractTermMonths: Record<ContractTerm, number | null> = { m2m: 1, '3m': 3, '6m': 6, '1y': 12, '2y': 24, custom: null };

/**
 * metered: energy counters of the PDU outlets or the contract's meters; calculated: nominal power × hours
 * online; hash: hashrate × efficiency × hours; fixed: a monthly fee for the contract and/or per miner.
 */
export const billingMethods = ['metered', 'calculated', 'hash', 'fixed'] as const;
export type BillingMethod = (typeof billingMethods)[number];

export const billingMethodLabels: Record<BillingMethod, string> = {
  metered: 'Metered (PDU or meter readings)',
  calculated: 'Calculated (power spec × hours)',
  hash: 'Hash (hashrate × efficiency)',
  fixed: 'Fixed monthly fee',
};

/** The methods that bill energy at a rate per kWh. */
export const energyBillingMethods: readonly BillingMethod[] = ['metered', 'calculated', 'hash'];

/** Types that carry a billing method (Infinity bills TH/s-days, O&M its monthly and per-miner fees). */
export const typesWithBillingMethod: readonly ContractType[] = ['hosted', 'lease'];

/** The customer must give notice this many days before the end to stop an auto-renewal. */
export const defaultNoticeDays = 60;
export const defaultNetDays = 30;

/** A Lease may be extended by hand at most this many times. */
export const maxLeaseExtensions = 3;

/** What the timeline records. */
export const contractEventKinds = [
  'created',
  'updated',
  'equipment_assigned',
  'equipment_released',
  'activated',
  'expiring',
  'extended',
  'renewed',
  'renewal_started',
  'termination_scheduled',
  'terminated',
  'ended',
  'moved_by_merge',
] as const;
export type ContractEventKind = (typeof contractEventKinds)[number];

export const contractSortKeys = ['id', 'reference', 'client', 'site', 'type', 'status', 'startsAt', 'endsAt', 'noticeBy', 'created'] as const;
export type ContractSortKey = (typeof contractSortKeys)[number];
