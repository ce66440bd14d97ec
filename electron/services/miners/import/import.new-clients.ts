import type { DbOrTx } from '../../../../db/open-db';
import { contract } from '../../../contract';
import { AppError } from '../../../contract/errors';
import type { ImportNewClient } from '../../../contract/miners.import';
import { counted } from '../../../contract/words';
import { createClient } from '../../clients/clients.service';
import type { ImportContext } from './import.context';

const listed = (emails: readonly string[]) => `${emails.slice(0, 3).join(', ')}${emails.length > 3 ? ` and ${emails.length - 3} more` : ''}`;

/**
 * Creates the clients the file names by a new e-mail, with the name and manager chosen in the preview;
 * refuses, before anything is written, when one has no name or no manager, or a manager who cannot manage.
 */
export function createImportedClients(tx: DbOrTx, ctx: ImportContext, newClients: readonly ImportNewClient[], actor: string) {
  const undescribed = newClients.filter((client) => client.name === '' || client.managerId === null).map((client) => client.email);
  if (undescribed.length > 0)
    throw new AppError(
      'INVALID_INPUT',
      `Nothing was imported: the file adds ${counted(undescribed.length, 'new client')} (${listed(undescribed)}), and each needs a name and a manager. Give them under "New clients" in the preview, then import again.`,
      { newClients: 'needs a name and a manager for each new client' },
    );
  const unmanaged = newClients.filter((client) => client.managerId !== null && !ctx.isActiveStaff(client.managerId)).map((client) => client.email);
  if (unmanaged.length > 0)
    throw new AppError(
      'INVALID_INPUT',
      `Nothing was imported: the manager chosen for ${listed(unmanaged)} is not an active staff member. Choose another manager in the preview, then import again.`,
      { newClients: 'names a manager who is not an active staff member' },
    );
  return newClients.map((client) => {
    const fields = contract['clients.create'].input.safeParse({ name: client.name, contactEmail: client.email, managerId: client.managerId });
    if (!fields.success) {
      const why = fields.error.issues[0]?.message ?? 'is not a valid name';
      throw new AppError(
        'INVALID_INPUT',
        `Nothing was imported: the name "${client.name.slice(0, 60)}" for new client ${client.email} ${why}. Give it another name in the preview, then import again.`,
        { newClients: why },
      );
    }
    const created = createClient(tx, fields.data, actor);
    return { id: created.id, name: created.name, email: created.contactEmail };
  });
}
