import { expect, test } from './fixtures';

test('a site with a container and a rack of 40 positions; a rack holding a miner is not deleted', async ({ page, api }) => {
  await api.call('demo.seed', {}); // miners to place; demo data is only added to an empty database
  await page.goto('/settings?tab=sites');

  await page.getByRole('button', { name: 'Add site' }).click();
  const siteForm = page.getByRole('dialog', { name: 'Add site' });
  await siteForm.getByRole('button', { name: 'Save site' }).click();
  await expect(siteForm.getByText('Is required')).toBeVisible();
  await siteForm.getByLabel('Site name').fill('Kearney NE');
  await expect(siteForm.getByRole('combobox', { name: 'Time zone' })).toHaveAttribute('placeholder', 'Organisation default (America/Chicago)');
  await siteForm.getByLabel('Address').fill('4100 Industrial Rd\nKearney, NE 68847');
  await siteForm.getByRole('button', { name: 'Save site' }).click();
  await expect(siteForm).toBeHidden();

  // The new site's layout opens at once, linked in the URL.
  await expect(page).toHaveURL(/tab=sites&site=\d+/);
  const drawer = page.getByRole('dialog', { name: 'Kearney NE' });
  await expect(drawer.getByText('No rooms or containers yet.')).toBeVisible();
  await drawer.getByRole('button', { name: 'Add room or container' }).click();
  const roomForm = page.getByRole('dialog', { name: 'Add room or container' });
  await roomForm.getByText('Container', { exact: true }).click();
  await roomForm.getByLabel('Name').fill('C7');
  await roomForm.getByRole('button', { name: 'Save' }).click();
  await expect(roomForm).toBeHidden();

  const container = drawer.getByRole('region', { name: 'Container C7' });
  await expect(container.getByText('Container', { exact: true })).toBeVisible();
  await container.getByRole('button', { name: 'Add rack' }).click();
  const rackForm = page.getByRole('dialog', { name: 'Add rack' });
  await rackForm.getByLabel('Rack name').fill('R1');
  await rackForm.getByLabel('Positions').fill('61');
  await rackForm.getByRole('button', { name: 'Save rack' }).click();
  await expect(rackForm.getByText('Must be at most 60')).toBeVisible();
  await rackForm.getByLabel('Positions').fill('40');
  await rackForm.getByRole('button', { name: 'Save rack' }).click();
  await expect(rackForm).toBeHidden();
  await expect(container.getByRole('row', { name: /R1\s+40\s+0 of 40 used/ })).toBeVisible();

  const [site] = await api.call('sites.list', { search: 'Kearney' });
  expect(site).toMatchObject({ name: 'Kearney NE', timeZone: null, effectiveTimeZone: 'America/Chicago', roomCount: 1, rackCount: 1, minerCount: 0 });
  const [room] = (await api.call('sites.get', { id: site.id })).rooms;
  expect(room).toMatchObject({ name: 'C7', kind: 'container', racks: [{ name: 'R1', positions: 40, minerCount: 0 }] });
  const rack = room.racks[0];
  expect((await api.call('audit.list', { entity: 'rack' })).rows[0]).toMatchObject({ action: 'site.rack_added', after: { name: 'R1', positions: 40 } });

  // Another user places a miner in the rack meanwhile: a spare from storage, never polled.
  const [miner] = (await api.call('miners.list', { statuses: ['unknown'], limit: 1 })).rows;
  await api.call('miners.massEdit', { minerIds: [miner.id], changes: { siteId: site.id, rackId: rack.id } });
  await page.reload();
  await expect(container.getByRole('row', { name: /R1/ }).getByRole('link', { name: '1 of 40 used' })).toHaveAttribute(
    'href',
    `/miners?site=${site.id}&rack=${rack.id}`,
  );

  await container.getByRole('button', { name: 'Delete rack R1' }).click();
  const confirm = page.getByRole('dialog', { name: 'Delete Rack R1?' });
  await expect(confirm.getByText('still holds 1 miner')).toBeVisible();
  await confirm.getByRole('button', { name: 'Delete rack' }).click();
  await expect(page.getByText('Rack "R1" cannot be deleted: it still holds 1 miner. Move them to another rack first.')).toBeVisible();
  await confirm.getByRole('button', { name: 'Cancel' }).click();
  await expect(container.getByRole('row', { name: /R1/ })).toBeVisible();
  expect((await api.call('sites.get', { id: site.id })).rackCount).toBe(1);

  await drawer.getByRole('tab', { name: 'Charts' }).click();
  await expect(drawer.getByText('No telemetry in this range')).toBeVisible(); // its one miner has never been polled
  await drawer.getByRole('tab', { name: 'Rooms and racks' }).click();
  await expect(container.getByRole('row', { name: /R1/ })).toBeVisible();

  await page.keyboard.press('Escape');
  await expect(drawer).toBeHidden();
  await expect(page).not.toHaveURL(/site=/);
  const row = page.getByRole('table', { name: 'Sites' }).getByRole('row', { name: /Kearney NE/ });
  await expect(row).toContainText('Organisation default (America/Chicago)');
  await expect(row.getByRole('cell')).toHaveText(['Kearney NE', 'Organisation default (America/Chicago)', /4100 Industrial Rd/, '1', '1', '1', '']);
});

test('a model of 0.6 TH/s at 15 W is listed at 25 J/TH', async ({ page, api }) => {
  await page.goto('/settings');
  await page.getByRole('tab', { name: 'Miner models' }).click();
  await expect(page).toHaveURL(/tab=models/);
  await expect(page.getByRole('row', { name: /Bitmain\s+Antminer S21\b/ }).first()).toBeVisible(); // the seeded catalogue

  await page.getByRole('button', { name: 'Add model' }).click();
  const form = page.getByRole('dialog', { name: 'Add model' });
  await form.getByLabel('Make').fill('Bitaxe');
  await form.getByLabel('Model').fill('Gamma Test');
  await form.getByLabel('Nominal hashrate').fill('0.6.1');
  await form.getByLabel('Nominal power').fill('15');
  await form.getByRole('button', { name: 'Save model' }).click();
  await expect(form.getByText('Must be a number of TH/s above 0')).toBeVisible();
  expect((await api.call('models.list', { search: 'Gamma Test' })).length).toBe(0);

  await form.getByLabel('Nominal hashrate').fill('0.6');
  await expect(form.getByText('Efficiency: 25 J/TH')).toBeVisible();
  await form.getByRole('button', { name: 'Save model' }).click();
  await expect(form).toBeHidden();

  await page.getByLabel('Search models').fill('gamma');
  const row = page.getByRole('table', { name: 'Miner models' }).getByRole('row', { name: /Gamma Test/ });
  await expect(row.getByRole('cell')).toHaveText(['Bitaxe', 'Gamma Test', '0.6', '15', '25', 'Air', 'SHA-256', '']);
  const [model] = await api.call('models.list', { search: 'Gamma Test' });
  expect(model).toMatchObject({ nominalHashrateGhs: 600, nominalPowerW: 15, efficiencyJPerTh: 25 });

  // A second model by the same name is refused by the server, and the reason shows on the field.
  await page.getByRole('button', { name: 'Add model' }).click();
  await form.getByLabel('Make').fill('Bitaxe');
  await form.getByLabel('Model').fill('Gamma Test');
  await form.getByLabel('Nominal hashrate').fill('1.2');
  await form.getByLabel('Nominal power').fill('18');
  await form.getByRole('button', { name: 'Save model' }).click();
  await expect(form.getByText('Is taken')).toBeVisible();
  await expect(page.getByText(/The catalogue already has Bitaxe Gamma Test/)).toBeVisible();
});
