import { readFileSync } from 'node:fs';
import { expect, test } from './fixtures';

/** The screenshots looked at: the usual desktop size in light mode, a smaller laptop in dark mode. */
const looks = [
  { width: 1440, height: 900, colorScheme: 'light' },
  { width: 1280, height: 800, colorScheme: 'dark' },
] as const;

const versionOf = (file: string) => (JSON.parse(readFileSync(file, 'utf8')) as { version: string }).version;

test.describe('with --demo', () => {
  test.use({ serverArgs: ['--demo'] });

  test('Settings › About: version, data folder, licence and the third-party notices', async ({ page, api, server }) => {
    await page.goto('/settings');
    await page.getByRole('tab', { name: 'About' }).click();
    await expect(page).toHaveURL(/tab=about/);

    await expect(page.getByLabel('Version')).toHaveText(`Version ${versionOf('package.json')}`);
    await expect(page.getByLabel('Data folder path')).toHaveText(server.dataDir);
    // A browser cannot open a folder on the server: it offers the path to copy, and the procedure refuses.
    await expect(page.getByRole('button', { name: 'Copy path' })).toBeVisible();
    await expect(page.getByRole('button', { name: 'Open folder' })).toHaveCount(0);
    expect(await api.raw('app.openDataFolder', {})).toEqual({
      ok: false,
      error: { code: 'CONFLICT', message: `The data folder opens only in the desktop app's window. Copy its path instead: ${server.dataDir}` },
    });
    await expect(page.getByLabel('Hashdesk licence')).toContainText('Copyright © 2026 Hashdesk. All rights reserved.');

    const table = page.getByRole('table', { name: 'Third-party packages' });
    await expect(table.getByRole('row')).toHaveCount(21); // the header and a page of 20
    await page.getByLabel('Package or licence').fill('react');
    const react = table.getByRole('row').filter({ has: page.getByRole('cell', { name: 'react', exact: true }) });
    await expect(react).toContainText(versionOf('node_modules/react/package.json'));
    await expect(react.getByRole('cell', { name: 'MIT', exact: true })).toBeVisible();

    for (const { width, height, colorScheme } of looks) {
      await page.emulateMedia({ colorScheme });
      await page.setViewportSize({ width, height });
      await page.getByLabel('Package or licence').fill('');
      await expect(table.getByRole('row')).toHaveCount(21);
      await page.getByRole('heading', { name: 'Settings' }).scrollIntoViewIfNeeded();
      await page.screenshot({ path: test.info().outputPath(`about-${width}-${colorScheme}.png`) });
      await table.scrollIntoViewIfNeeded();
      await page.screenshot({ path: test.info().outputPath(`about-notices-${width}-${colorScheme}.png`) });
    }

    await page.getByLabel('Package or licence').fill('react');
    await react.getByRole('button', { name: 'Licence text of react' }).click();
    const dialog = page.getByRole('dialog');
    await expect(dialog).toContainText(`react ${versionOf('node_modules/react/package.json')}: MIT`);
    await expect(dialog.getByLabel('Licence text')).toContainText('Permission is hereby granted, free of charge');
    await page.screenshot({ path: test.info().outputPath('about-licence-text-1280-dark.png') });
  });
});
