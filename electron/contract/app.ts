import { z } from 'zod';
import { call } from './define';

/**
 * How the key sealing stored passwords is kept: by the OS keychain; by Electron's Linux fallback "basic_text",
 * which encrypts with a fixed key (Settings warns); or not applicable: a key file readable by its owner only
 * (`npm run serve`, or a desktop without a keychain).
 */
export const keyStorages = ['os_keychain', 'basic_text', 'not_applicable'] as const;
export type KeyStorage = (typeof keyStorages)[number];

export type AppInfo = {
  version: string;
  keyStorage: KeyStorage;
  /** True while the database holds no business data yet: the first-run screen offers demo data. */
  isEmpty: boolean;
};

export type DemoSummary = { created: Record<string, number> };

export const appCalls = {
  'app.info': call<AppInfo>()(z.object({}).strict()),
  'demo.seed': call<DemoSummary>()(z.object({}).strict()),
};
