import type { ThirdPartyNotices } from '../electron/contract/app';

export const maxLicenceChars: number;
export function collectNotices(root: string): ThirdPartyNotices;
export function noticesFile(root: string): string;
export function writeNotices(root: string): number;
