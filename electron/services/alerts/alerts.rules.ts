import type { DbOrTx } from '../../../db/open-db';
import { alertRules } from '../../../db/schema';
import type { Contract } from '../../contract';
import type { AlertRule } from '../../contract/alerts';
import { alertKinds, defaultAlertThresholds, type AlertKind } from '../../contract/alerts.vocab';
import type { ParsedInputOf } from '../../contract/define';
import { recordAuditRows, type AuditRecord } from '../audit/record-audit';
import type { RuleSet } from './alerts.evaluate';

const byKind = (rules: AlertRule[]) => new Map(rules.map((rule) => [rule.kind, rule]));

/** Every rule in the vocabulary's order. The migration wrote one per kind; a missing one reads as its default, off. */
export function listAlertRules(db: DbOrTx): AlertRule[] {
  const stored = byKind(db.select().from(alertRules).all());
  return alertKinds.map(
    (kind) => stored.get(kind) ?? { kind, enabled: false, threshold: defaultAlertThresholds[kind], desktop: false, updatedAt: '1970-01-01T00:00:00.000Z' },
  );
}

export function readRuleSet(db: DbOrTx): RuleSet {
  return Object.fromEntries(listAlertRules(db).map((rule) => [rule.kind, { enabled: rule.enabled, threshold: rule.threshold }])) as RuleSet;
}

/** What makes an answering miner "warning" in the Miners table: the alert rules' thresholds, whether or not the alert itself is on. */
export type WarningThresholds = { hashrateLowPercent: number; tempHighC: number };

export function readWarningThresholds(db: DbOrTx): WarningThresholds {
  const rules = readRuleSet(db);
  return { hashrateLowPercent: rules.hashrate_low.threshold, tempHighC: rules.temp_high.threshold };
}

const settingOf = (rule: Pick<AlertRule, 'enabled' | 'threshold' | 'desktop'>) => ({ enabled: rule.enabled, threshold: rule.threshold, desktop: rule.desktop });

/** Saves the rules given; each one that changes is written and audited in the same transaction. Returns every rule. */
export function updateAlertRules(db: DbOrTx, input: ParsedInputOf<Contract['alerts.rules.update']>, actor: string, now: Date): AlertRule[] {
  return db.transaction((tx) => {
    const current = byKind(listAlertRules(tx));
    const audits: AuditRecord[] = [];
    for (const rule of input.rules) {
      const before = current.get(rule.kind as AlertKind)!;
      const after = settingOf(rule);
      if (JSON.stringify(settingOf(before)) === JSON.stringify(after)) continue;
      const values = { ...after, updatedAt: now.toISOString() };
      tx.insert(alertRules)
        .values({ kind: rule.kind, ...values })
        .onConflictDoUpdate({ target: alertRules.kind, set: values })
        .run();
      audits.push({ actor, action: 'alert.rule.updated', entity: 'alert_rule', entityId: rule.kind, before: settingOf(before), after });
    }
    if (audits.length) recordAuditRows(tx, audits);
    return listAlertRules(tx);
  });
}
