import { expect, test } from './fixtures';

test.use({ serverArgs: ['--demo'] });

/** A tiny but well-formed PDF, made here so the test needs no fixture file. */
const pdfBytes = Buffer.from(
  '%PDF-1.4\n1 0 obj <</Type /Catalog /Pages 2 0 R>> endobj\n2 0 obj <</Type /Pages /Kids [] /Count 0>> endobj\ntrailer <</Root 1 0 R>>\n%%EOF\n',
);

test('staff, team contacts, legal documents and pricing of a client, each audited', async ({ page, api }) => {
  // Settings → Staff: a new manager
  await page.goto('/settings');
  await page.getByRole('tab', { name: 'Staff' }).click();
  await page.getByRole('button', { name: 'Add staff member' }).click();
  await page.getByRole('button', { name: 'Save staff member' }).click();
  const staffDialog = page.getByRole('dialog', { name: 'Add staff member' });
  await expect(staffDialog.getByText('Is required')).toBeVisible();
  await staffDialog.getByLabel('Name').fill('Sigrid Halvorsen');
  await staffDialog.getByLabel('E-mail').fill('sigrid@frostline.example');
  await page.getByRole('button', { name: 'Save staff member' }).click();
  const staffRow = page.getByRole('table', { name: 'Staff members' }).getByRole('row', { name: /Sigrid Halvorsen/ });
  await expect(staffRow).toContainText('sigrid@frostline.example');
  await expect(staffRow).toContainText('Active');
  const manager = (await api.call('staff.list', {})).find((member) => member.name === 'Sigrid Halvorsen')!;
  const client = await api.call('clients.create', { name: 'Fjord Hash AS', contactEmail: 'ops@fjordhash.example', managerId: manager.id });

  // Team: add, edit and delete a contact
  await page.goto(`/clients/${client.id}/team`);
  const contacts = page.getByRole('table', { name: 'Contacts' });
  await expect(contacts).toContainText('No contacts yet.');
  await page.getByRole('button', { name: 'Add contact' }).click();
  await page.getByLabel('Name').fill('Ola Berg');
  await page.getByLabel('E-mail').fill('not an address');
  await page.getByRole('button', { name: 'Save contact' }).click();
  await expect(page.getByText('Must be a valid e-mail address')).toBeVisible();
  await page.getByLabel('E-mail').fill('ola@fjordhash.example');
  await page.getByLabel('Phone').fill('+47 900 11 222');
  await page.getByRole('button', { name: 'Save contact' }).click();
  await expect(contacts.getByRole('row', { name: /Ola Berg/ })).toContainText('Owner');

  await page.getByRole('button', { name: 'Edit Ola Berg' }).click();
  await page.getByLabel('Name').fill('Ola K. Berg');
  await page.getByRole('combobox', { name: 'Role' }).click();
  await page.getByRole('option', { name: 'Billing' }).click();
  await page.getByRole('button', { name: 'Save contact' }).click();
  await expect(contacts.getByRole('row', { name: /Ola K\. Berg/ })).toContainText('Billing');

  await page.getByRole('button', { name: 'Delete Ola K. Berg' }).click();
  const confirm = page.getByRole('dialog', { name: 'Delete Ola K. Berg?' });
  await expect(confirm).toContainText("removed from this client's team");
  await confirm.getByRole('button', { name: 'Delete contact' }).click();
  await expect(contacts).toContainText('No contacts yet.');

  // Legal: a PDF is uploaded, listed with its size and opened as a download; a text file is refused in the page
  await page.getByRole('tab', { name: 'Legal' }).click();
  const fileInput = page.locator('input[type=file]');
  await fileInput.setInputFiles({ name: 'notes.txt', mimeType: 'text/plain', buffer: Buffer.from('hello') });
  await expect(page.getByRole('alert', { name: 'This file was not uploaded' })).toContainText('"notes.txt" is not a PDF, PNG, JPEG or WebP file.');
  await fileInput.setInputFiles({ name: 'Hosting agreement.pdf', mimeType: 'application/pdf', buffer: pdfBytes });
  const documentRow = page.getByRole('table', { name: 'Documents' }).getByRole('row', { name: /Hosting agreement\.pdf/ });
  await expect(documentRow).toContainText(`${pdfBytes.length} B`);
  await expect(documentRow).toContainText('PDF');
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Open Hosting agreement.pdf' }).click()]);
  expect(download.suggestedFilename()).toBe('Hosting agreement.pdf');

  // Pricing: a price from a past date is the one in force
  await page.getByRole('tab', { name: 'Pricing' }).click();
  await expect(page.getByRole('table', { name: 'Price history' })).toContainText('No client prices yet.');
  await page.getByLabel('Valid from').fill('2025-01-01');
  await page.getByLabel('Energy rate per kWh').fill('0.0612');
  await page.getByLabel('Hosting fee per miner per month').fill('25');
  await page.getByRole('button', { name: 'Add price' }).click();
  const priceRow = page.getByRole('table', { name: 'Price history' }).getByRole('row', { name: /2025/ });
  await expect(priceRow).toContainText('In force');
  await expect(priceRow).toContainText('0.0612 USD');
  await expect(priceRow).toContainText('$25.00');

  const actions = (await api.call('audit.list', { clientId: client.id })).rows.map((row) => row.action);
  expect(actions).toEqual(
    expect.arrayContaining(['client.contact_added', 'client.contact_updated', 'client.contact_removed', 'client.document_added', 'client.pricing_set']),
  );
  const [staffAudit] = (await api.call('audit.list', { entity: 'staff' })).rows;
  expect(staffAudit).toMatchObject({ action: 'staff.created', after: { name: 'Sigrid Halvorsen' } });
});
