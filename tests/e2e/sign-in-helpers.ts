import type { Locator, Page } from '@playwright/test';
import type { CallName, Input, Result } from '../../electron/contract';
import type { Outcome } from '../../electron/contract/errors';
import { expect, type HashdeskServer } from './fixtures';

/** An API call as a signed-in person: the machine token plus their session, as the page sends them. */
export async function callAs<K extends CallName>(server: HashdeskServer, session: string | null, name: K, input: Input<K>): Promise<Outcome<Result<K>>> {
  const response = await fetch(`${server.info.url}/api/${name}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${server.info.token}`, ...(session ? { 'x-hashdesk-session': session } : {}) },
    body: JSON.stringify(input),
  });
  return (await response.json()) as Outcome<Result<K>>;
}

export async function valueOf<T>(outcome: Promise<Outcome<T>>): Promise<T> {
  const settled = await outcome;
  if (!settled.ok) throw new Error(settled.error.message);
  return settled.value;
}

export async function signIn(page: Page, login: string, password: string) {
  await page.getByRole('textbox', { name: 'Login', exact: true }).fill(login);
  await page.locator('input[type=password]').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
}

export async function signOut(page: Page) {
  await page.getByRole('button', { name: /^Signed in as / }).click();
  await page.getByRole('menuitem', { name: 'Sign out' }).click();
  await expect(page.getByRole('heading', { name: 'Sign in to Hashdesk' })).toBeVisible();
}

export const nav = (page: Page) => page.getByRole('navigation', { name: 'Main navigation' });

/** A control the role may not use: disabled, and hovering its wrapper shows the sentence naming the permission. */
export async function expectRefused(page: Page, control: Locator, reason: string) {
  await expect(control).toBeDisabled();
  await control.locator('xpath=..').hover();
  await expect(page.getByRole('tooltip').filter({ hasText: reason })).toBeVisible();
  await page.mouse.move(0, 0);
}
