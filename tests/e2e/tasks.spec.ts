import { expect, test } from './fixtures';

test.use({ serverArgs: ['--demo'] });

test('a task for a client with two miners is created, commented on, closed, and found from the client’s tasks bar', async ({ page, api }) => {
  const [assignee] = await api.call('staff.list', { includeInactive: false });
  const client = (await api.call('clients.list', { hasMiners: true, limit: 1, sort: 'name' })).rows[0];
  const [first, second] = (await api.call('miners.list', { clientIds: [client.id], sort: 'assetId', limit: 2 })).rows;

  // New task from the client's Tasks tab
  await page.goto(`/clients/${client.id}/tasks`);
  await page.getByRole('button', { name: 'New task' }).click();
  const dialog = page.getByRole('dialog', { name: 'New task' });
  await dialog.getByRole('button', { name: 'Create task' }).click();
  await expect(dialog.getByText('Is required')).toHaveCount(2); // title and type
  await dialog.getByRole('textbox', { name: 'Title' }).fill('Replace failed PSU on two units');
  await dialog.getByRole('combobox', { name: 'Type' }).click();
  await page.getByRole('option', { name: 'Swap' }).click();
  await dialog.getByRole('combobox', { name: 'Priority' }).click();
  await page.getByRole('option', { name: 'High' }).click();
  await dialog.getByRole('combobox', { name: 'Assignee' }).click();
  await page.getByRole('option', { name: assignee.name }).click();
  await dialog.getByLabel('Due date').fill('2031-05-20');
  await dialog.getByLabel('Description').fill('Both PSUs trip the PDU outlet.');
  await dialog.getByRole('button', { name: 'Create task' }).click();
  await expect(dialog).toBeHidden();

  // The task opens in the drawer: link two miners by asset ID
  const drawer = page.getByRole('dialog', { name: /Replace failed PSU on two units/ });
  await expect(drawer).toBeVisible();
  await drawer.getByRole('tab', { name: /Miners/ }).click();
  for (const miner of [first, second]) {
    await drawer.getByRole('combobox', { name: 'Link a miner' }).fill(miner.assetId);
    await page.getByRole('option', { name: new RegExp(`^${miner.assetId} `) }).click();
    await expect(drawer.getByRole('table', { name: 'Linked miners' }).getByRole('row', { name: new RegExp(miner.assetId) })).toBeVisible();
  }
  await expect(drawer.getByRole('tab', { name: 'Miners (2)' })).toBeVisible();

  // Comment, then move it to done
  await drawer.getByRole('tab', { name: /Comments/ }).click();
  await drawer.getByLabel('Add a comment').fill('Spare PSUs taken from Odessa storage.');
  await drawer.getByRole('button', { name: 'Add comment' }).click();
  await expect(drawer.getByText('Spare PSUs taken from Odessa storage.')).toBeVisible();
  await drawer.getByRole('combobox', { name: 'Status' }).click();
  await page.getByRole('option', { name: 'Done' }).click();
  await expect(drawer.getByText(/closed /)).toBeVisible();
  await drawer.getByRole('tab', { name: 'History' }).click();
  await expect(
    drawer.getByRole('table', { name: 'Change log' }).getByText('Status: in_progress → done').or(drawer.getByText('Status: open → done')),
  ).toBeVisible();
  await page.keyboard.press('Escape');

  const [task] = (await api.call('tasks.list', { clientId: client.id, search: 'Replace failed PSU on two units' })).rows;
  expect(task).toMatchObject({
    status: 'done',
    priority: 'high',
    type: 'swap',
    minerCount: 2,
    commentCount: 1,
    assignee: { id: assignee.id },
    dueDate: '2031-05-20',
  });
  expect(task.closedAt).not.toBeNull();

  // The client list's tasks bar opens the task list filtered to the client
  await page.goto(`/clients?q=${encodeURIComponent(client.name)}`);
  const row = page.getByRole('row', { name: new RegExp(client.name) }).first();
  await row.getByRole('button', { name: /tasks/ }).click();
  await expect(page).toHaveURL(new RegExp(`/tasks\\?client=${client.id}$`));
  await expect(page.getByText(`Client: ${client.name}`)).toBeVisible();
  const table = page.getByRole('table', { name: 'Tasks' });
  await expect(table.getByRole('row', { name: /Replace failed PSU on two units/ })).toBeVisible();
  const { total } = await api.call('tasks.list', { clientId: client.id });
  await expect(table.getByRole('row')).toHaveCount(Math.min(total, 50) + 1);

  // The status chips filter within the client
  await page.getByText(/^Done \(\d+\)$/).click();
  await expect(page).toHaveURL(/status=done/);
  await expect(table.getByRole('row', { name: /Replace failed PSU on two units/ })).toBeVisible();
});
