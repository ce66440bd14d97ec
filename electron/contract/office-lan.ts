import { z } from 'zod';
import { call } from './define';
import { obeying } from './fields';
import { deviceHostProblem } from './hosts';
import { lineTextProblem } from './text-rules';

/** Serving the office network from the desktop app: the address and port, and HTTPS's certificate and key files. */
export type OfficeLanSetting = { enabled: boolean; host: string; port: number; tlsCertPath: string; tlsKeyPath: string };

/**
 * The stored setting (it takes effect at the desktop app's next start), this computer's network addresses to choose
 * from, and what this process's start made of it: the address it serves, or why it does not (null: not started here).
 */
export type OfficeLanStatus = { setting: OfficeLanSetting; machineAddresses: string[]; running: { url: string } | { error: string } | null };

/** Port 8443 when nothing is stored: above 1024 (no administrator rights needed), and free on most office PCs. */
export const defaultOfficeLanSetting: OfficeLanSetting = { enabled: false, host: '', port: 8443, tlsCertPath: '', tlsKeyPath: '' };

/**
 * Why a server cannot listen on `host` for the office network (the words after "Address"), or null: one address, an
 * IP or a host name (the server checks browsers asked for it, so "every address" will not do). Whether an IP is this
 * computer's is checked where the computer is known (lan-serve.ts).
 */
export function listenHostProblem(host: string): string | null {
  if (host === '0.0.0.0' || host === '::')
    return `"${host}" means every address of this computer; give the one address browsers on the office network will use`;
  return deviceHostProblem(host);
}

/** The desktop app's setting also refuses the loopback address: it serves this computer only, which the app already does. */
export function officeLanHostProblem(host: string): string | null {
  if (host === '127.0.0.1' || host === 'localhost' || host === '::1') return 'is this computer only; give its address on the office network';
  return listenHostProblem(host);
}

const absolute = (path: string) => path === '' || path.startsWith('/') || /^[a-z]:[\\/]/i.test(path);

const filePath = z
  .string({ error: 'must be a file path' })
  .trim()
  .max(1000, 'must be at most 1000 characters')
  .superRefine(obeying(lineTextProblem))
  .refine(absolute, 'must be a full path, such as /etc/hashdesk/office.crt or C:\\Hashdesk\\office.crt');

export const officeLanSettingSchema = z
  .object({
    enabled: z.boolean({ error: 'must be on or off' }),
    host: z.string({ error: 'must be an address' }).trim().max(253, 'must be at most 253 characters'),
    port: z.number({ error: 'must be a port number' }).int('must be a whole number').min(1, 'must be from 1 to 65535').max(65535, 'must be from 1 to 65535'),
    tlsCertPath: filePath,
    tlsKeyPath: filePath,
  })
  .strict()
  .superRefine((value, ctx) => {
    const hostProblem = value.host === '' ? (value.enabled ? 'is required to serve the office network' : null) : officeLanHostProblem(value.host);
    if (hostProblem) ctx.addIssue({ code: 'custom', path: ['host'], message: hostProblem });
    if (value.tlsCertPath !== '' && value.tlsKeyPath === '') ctx.addIssue({ code: 'custom', path: ['tlsKeyPath'], message: 'is required with a certificate' });
    if (value.tlsKeyPath !== '' && value.tlsCertPath === '') ctx.addIssue({ code: 'custom', path: ['tlsCertPath'], message: 'is required with a key' });
  });

export const officeLanCalls = {
  'officeLan.get': call<OfficeLanStatus>()(z.object({}).strict()),
  /** Stores the setting (audited); the desktop app serves the office network with it from its next start. */
  'officeLan.update': call<OfficeLanStatus>()(officeLanSettingSchema),
};
