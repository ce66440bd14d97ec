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

/** One place this process opened sockets to, with how many and when first and last. */
export type OutboundDestination = { protocol: 'tcp' | 'udp'; address: string; port: number; count: number; firstAt: string; lastAt: string };

/** Where the app has connected since it started; `dropped` counts connections to new places past the list's cap. */
export type OutboundLog = { since: string; destinations: OutboundDestination[]; dropped: number };

export type DemoSummary = { created: Record<string, number> };

export const appCalls = {
  'app.info': call<AppInfo>()(z.object({}).strict()),
  /** Every address and port the app has opened a socket to since it started (miners, PDUs, meters, SMTP). */
  'app.outbound': call<OutboundLog>()(z.object({}).strict()),
  'demo.seed': call<DemoSummary>()(z.object({}).strict()),
};
