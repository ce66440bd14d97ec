import { expect, test } from './fixtures';

test.use({ serverArgs: ['--demo'] });

test('a client is created, edited, put In Default with a reason, and another client is merged into it', async ({ page, api }) => {
  const [manager] = await api.call('staff.list', {});
  const source = (await api.call('clients.list', { hasMiners: true, limit: 1, sort: 'id' })).rows[0];
  const sourceContacts = await api.call('clients.contacts.list', { clientId: source.id });

  // Create
  await page.goto('/clients');
  await page.getByRole('link', { name: 'Add client' }).click();
  await page.getByRole('button', { name: 'Add client' }).click();
  await expect(page.getByText('Is required').first()).toBeVisible();
  await page.getByRole('textbox', { name: 'Name', exact: true }).fill('Ingrid Nordmann');
  await page.getByLabel('Company').fill('Northern Hashing Ltd');
  await page.getByLabel('Contact e-mail').fill('ops@northern-hashing.example');
  await page.getByRole('combobox', { name: 'Manager' }).click();
  await page.getByRole('option', { name: manager.name }).click();
  await page.getByRole('button', { name: 'Add client' }).click();
  await expect(page.getByRole('heading', { name: 'Ingrid Nordmann' })).toBeVisible();
  const id = Number(/\/clients\/(\d+)/.exec(page.url())![1]);

  // Duplicate contact e-mail is refused with the other client's ID
  const duplicate = await api.raw('clients.create', { name: 'Copy', contactEmail: 'ops@northern-hashing.example', managerId: manager.id });
  expect(duplicate.ok).toBe(false);
  expect(!duplicate.ok && duplicate.error.message).toContain(`#${id}`);

  // Edit
  await page.getByRole('link', { name: 'Edit' }).click();
  await page.getByLabel('Phone').fill('+47 22 33 44 55');
  await page.getByRole('button', { name: 'Save client' }).click();
  await expect(page.getByText('+47 22 33 44 55')).toBeVisible();

  // In Default with a reason
  await page.getByRole('tab', { name: 'Default status' }).click();
  await page.getByRole('button', { name: 'Set In Default' }).click();
  await page.getByRole('button', { name: 'Set status' }).click();
  await expect(page.getByText('Is required')).toBeVisible();
  await page.getByLabel('Reason').fill('Invoice NW-2026-0012 is 45 days overdue');
  await page.getByRole('button', { name: 'Set status' }).click();
  const history = page.getByRole('table', { name: 'Status history' });
  await expect(history.getByRole('row', { name: /Invoice NW-2026-0012 is 45 days overdue/ })).toBeVisible();
  await expect(page.getByRole('alert', { name: 'Client status' }).or(page.getByText('In Default').first())).toBeVisible();

  // Activity shows the changes in words
  await page.getByRole('tab', { name: 'Activity' }).click();
  const log = page.getByRole('table', { name: 'Change log' });
  await expect(log.getByText(/Phone: — → \+47 22 33 44 55/)).toBeVisible();
  await expect(log.getByText('Status: Active → In Default')).toBeVisible();
  await expect(log.getByText(/^Status of client Ingrid Nordmann set to In Default: Invoice NW-2026-0012/)).toBeVisible();

  // Merge the demo client into this one
  await page.getByRole('button', { name: 'More' }).click();
  await page.getByRole('menuitem', { name: 'Merge clients' }).click();
  const dialog = page.getByRole('dialog', { name: 'Merge clients' });
  await dialog.getByRole('combobox', { name: 'The other client' }).fill(`#${source.id}`);
  await page.getByRole('option', { name: new RegExp(`^#${source.id} `) }).click();
  const moves = dialog.getByRole('list', { name: 'What moves' });
  await expect(moves.getByText(`${source.minersBar.total} miners`)).toBeVisible();
  await expect(moves.getByText(`${sourceContacts.length} contacts`)).toBeVisible();
  await dialog.getByRole('button', { name: 'Merge clients' }).click();
  await expect(page.getByText('Clients merged')).toBeVisible();

  // The moved records are found on the survivor; the source is archived pointing at it
  const survivor = await api.call('clients.get', { id });
  expect(survivor.counts.assignedMiners).toBe(source.minersBar.total);
  expect((await api.call('clients.contacts.list', { clientId: id })).length).toBe(sourceContacts.length);
  await expect(page.getByText(`${source.minersBar.total}`, { exact: true }).first()).toBeVisible();
  const merged = await api.call('clients.get', { id: source.id });
  expect(merged.mergedInto).toEqual({ id, name: 'Ingrid Nordmann' });
  await page.goto(`/clients/${source.id}`);
  await expect(page.getByText('Merged into')).toBeVisible();
  await page.getByRole('link', { name: /Ingrid Nordmann/ }).click();
  await expect(page.getByRole('heading', { name: 'Ingrid Nordmann' })).toBeVisible();

  // The list shows the survivor's miners bar; card view is remembered
  await page.goto(`/clients?q=${encodeURIComponent('northern-hashing')}`);
  const row = page.getByRole('row', { name: /Ingrid Nordmann/ });
  await expect(row.getByRole('button', { name: new RegExp(`^${source.minersBar.total} miners`) })).toBeVisible();
  await page.getByRole('button', { name: 'Card view' }).click();
  await page.reload();
  await expect(page.getByLabel('Client Ingrid Nordmann')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Card view' })).toHaveAttribute('aria-pressed', 'true');
});

test('list filters live in the URL', async ({ page }) => {
  await page.goto('/clients');
  // On a slow machine the list renders after the address changes: a change made meanwhile must keep the one before.
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 8 });
  await page.locator('label', { hasText: /^In Default/ }).click();
  await page.getByRole('button', { name: 'Reverse sort order' }).click();
  await expect(page).toHaveURL(/status=in_default.*dir=desc/);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 1 });
  await page.getByRole('button', { name: 'Filters' }).click();
  await page.getByRole('dialog', { name: 'Filter clients' }).locator('label', { hasText: 'Yes' }).first().click();
  await expect(page).toHaveURL(/status=in_default.*taxExempt=yes.*dir=desc/);
  await page.reload();
  await expect(page.getByRole('checkbox', { name: /In Default/ })).toBeChecked();
});
