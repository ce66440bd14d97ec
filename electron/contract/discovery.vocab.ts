/** Discovery vocabulary shared by the schema, the services and the screens (the procedures live in discovery.ts). */

/** One scan runs at a time; 'queued' ones wait for it and start on their own. */
export const scanStatuses = ['queued', 'running', 'done', 'cancelled', 'failed'] as const;
export type ScanStatus = (typeof scanStatuses)[number];

/** What a scan learned about one address that had an open port. */
export const scanResultStates = ['identified', 'unidentified', 'unreachable'] as const;
export type ScanResultState = (typeof scanResultStates)[number];

/** The ports a scan probes unless told otherwise: web UI and REST (80), CGMiner RPC (4028), Whatsminer API v3 (4433), Auradine web API (8080). */
export const defaultScanPorts = [80, 4028, 4433, 8080] as const;
