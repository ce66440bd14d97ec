import { z } from 'zod';
import type { AlertKind } from './alerts.vocab';
import type { ContractListRow } from './contracts';
import { call } from './define';
import type { MinerLiveStatus } from './miners';
import type { TaskStatus } from './tasks';

/** The renewal window the dashboard watches: contracts whose last day to give notice falls within it. */
export const dashboardNoticeDays = 60;
/** Clients named in the miners-per-client tile; the rest are summed as "others". */
export const dashboardTopClients = 10;
/** Contracts due for notice listed by name on their tile (the count covers them all). */
export const dashboardNoticeShown = 4;

/** A site's live share of the fleet: power in W as telemetry resolves it (miner report, PDU outlet or nameplate). */
export type DashboardSite = { siteId: number | null; name: string; miners: number; answering: number; hashrateGhs: number; powerW: number };

/** One hour of the fleet (UTC hour start): sums of the miners' hourly averages; null where no miner reported. */
export type DashboardHour = { hour: string; hashrateGhs: number | null; powerW: number | null; minersAnswering: number };

export type DashboardClientShare = { clientId: number; name: string; miners: number };

/** Money per currency in minor units, with how many invoices make it up. */
export type DashboardMoney = { currency: string; count: number; amountMinor: number };

export type DashboardNoticeRow = Pick<ContractListRow, 'id' | 'reference' | 'status' | 'client' | 'timeZone' | 'endsAt' | 'noticeBy' | 'autoRenew'>;

export type DashboardSummary = {
  /** When the figures were read, and the organisation's zone the billing month is counted in. */
  at: string;
  timeZone: string;
  fleet: {
    miners: number;
    statusCounts: Record<MinerLiveStatus, number>;
    /** Sums of the latest readings of the miners that answered their last poll. */
    hashrateGhs: number;
    powerW: number;
    answering: number;
  };
  sites: DashboardSite[];
  /** 24 hourly points ending with the current hour (still filling), oldest first. */
  hashrate24h: DashboardHour[];
  clients: { top: DashboardClientShare[]; others: { clients: number; miners: number }; unassigned: number };
  alerts: { active: number; unacknowledged: number; byKind: Record<AlertKind, number> };
  /** Tasks still to do: counts per open status, and how many are past their due date. */
  tasks: { open: number; overdue: number; byStatus: Partial<Record<TaskStatus, number>> };
  notice: { withinDays: number; count: number; first: DashboardNoticeRow[] };
  billing: {
    /** The current month (YYYY-MM) in the organisation's zone, and the month before it. */
    period: string;
    revenue: DashboardMoney[];
    previousPeriod: string;
    previousRevenue: DashboardMoney[];
    /** Invoices reported overdue, with what is still owed on them. */
    overdue: DashboardMoney[];
  };
};

export const dashboardCalls = {
  'dashboard.summary': call<DashboardSummary>()(z.object({}).strict()),
};
