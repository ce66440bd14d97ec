import { z } from 'zod';
import { call } from './define';

export type AppInfo = {
  version: string;
  /** True while the database holds no business data yet: the first-run screen offers demo data. */
  isEmpty: boolean;
};

export type DemoSummary = { created: Record<string, number> };

export const appCalls = {
  'app.info': call<AppInfo>()(z.object({}).strict()),
  'demo.seed': call<DemoSummary>()(z.object({}).strict()),
};
