import type { ClientStatus } from '../../../electron/contract/clients';
export { clientStatusLabels as clientStatusLabel } from '../../../electron/contract/clients';

export const clientStatusColor: Record<ClientStatus, string> = {
  active: 'green',
  inactive: 'gray',
  suspended: 'yellow',
  in_default: 'red',
  pool_redirected: 'violet',
};

/** What each status means, from the Dune Host OS status reference. */
export const clientStatusMeaning: Record<ClientStatus, string> = {
  active: 'Account is in good standing.',
  inactive: 'Account is disabled; the customer cannot use services.',
  suspended: 'Services are on hold; the reason is recorded.',
  in_default: 'The customer has overdue payments; the default reason is recorded.',
  pool_redirected: 'Hashrate is being redirected to the facility’s holding pool.',
};
