import { describe, expect, it } from 'vitest';
import type { ScanProposal, ScanResultRow } from '../../../electron/contract/discovery';
import { exampleAddresses } from '../../../electron/contract/ip-ranges';
import { changesText, commitResultSentence, findingPoolText, planCommit, planSentence, proposalView, scanElapsedText } from './discovery-format';
import { checkScanForm, rangeLines, scanFormErrors, type ScanFormValues } from './scan-form';

const finding = (id: number, state: ScanResultRow['state'], proposal: ScanProposal): ScanResultRow => ({
  id,
  ip: `127.60.0.${id}`,
  openPorts: [4028],
  state,
  family: state === 'identified' ? 'antminer' : null,
  make: null,
  model: null,
  firmware: null,
  serial: null,
  mac: null,
  hostname: null,
  hashrateThs: null,
  powerW: null,
  tempMaxC: null,
  poolUrl: null,
  poolUser: null,
  message: null,
  minerId: null,
  foundAt: '2026-01-01T00:00:00.000Z',
  proposal,
});

const update = (assetId: string): ScanProposal => ({
  action: 'update',
  minerId: 1,
  assetId,
  by: 'serial',
  changes: [{ field: 'ip', before: '127.60.0.5', after: '127.60.0.9' }],
});

describe('review wording', () => {
  it('names each change with its field, before and after', () => {
    expect(changesText([{ field: 'ip', before: '127.60.0.5', after: '127.60.0.9' }])).toBe('IP 127.60.0.5 → 127.60.0.9');
    expect(changesText([{ field: 'firmware', before: null, after: '2024.1' }])).toBe('Firmware — → 2024.1');
    expect(proposalView(update('A-7'))).toEqual({ label: 'Update', color: 'blue', detail: 'A-7: IP 127.60.0.5 → 127.60.0.9' });
    expect(proposalView({ action: 'review', candidateIds: [1, 2], reason: 'The serial is on two miners.' }).detail).toBe('The serial is on two miners.');
  });

  it('counts only the chosen identified findings, and only missing miners not offline already', () => {
    const rows = [
      finding(1, 'identified', { action: 'new' }),
      finding(2, 'identified', { action: 'new' }),
      finding(3, 'identified', update('A-3')),
      finding(4, 'identified', { action: 'review', candidateIds: [1], reason: 'x' }),
      finding(5, 'identified', { action: 'unchanged', minerId: 5, assetId: 'A-5' }),
      finding(6, 'unidentified', { action: 'none', reason: 'Open, but it did not say what it is.' }),
    ];
    const missing = [{ liveStatus: 'online' }, { liveStatus: 'unknown' }, { liveStatus: 'offline' }];
    const plan = planCommit(rows, new Set([1, 3, 4, 5, 6]), missing, true);
    expect(plan).toEqual({ created: 1, updated: 1, sentToReview: 1, unchanged: 1, markedOffline: 2, alreadyOffline: 1 });
    expect(planSentence(plan)).toBe(
      'Add 1 new miner, update 1 with what the scan found, send 1 to the identity review list and mark 2 known miners that did not answer as offline (1 more is offline already). 1 is already up to date.',
    );
    expect(planSentence(planCommit(rows, new Set([1, 2]), missing, false))).toBe('Add 2 new miners.');
    expect(planSentence(planCommit(rows, new Set(), missing, false))).toBe('Nothing would change in the inventory.');
    expect(planSentence(planCommit(rows, new Set([5]), [{ liveStatus: 'offline' }], true))).toBe(
      'Nothing would change in the inventory. The known miners that did not answer are offline already. 1 is already up to date.',
    );
  });

  it('writes the pool a miner reported without its scheme, with its worker', () => {
    expect(findingPoolText({ poolUrl: 'stratum+tcp://pool.example:3333', poolUser: 'acme.s21-07' })).toBe('pool.example:3333 · acme.s21-07');
    expect(findingPoolText({ poolUrl: null, poolUser: null })).toBeNull();
  });

  it('says what a commit did', () => {
    expect(commitResultSentence({ created: 8, updated: 0, unchanged: 0, sentToReview: 0, markedOffline: 0 })).toBe('8 miners added, 0 updated.');
    expect(commitResultSentence({ created: 1, updated: 2, unchanged: 3, sentToReview: 1, markedOffline: 2 })).toBe(
      '1 miner added, 2 updated, 1 sent to review, 2 marked offline, 3 unchanged.',
    );
  });

  it('times a running scan to now and an ended one to its end', () => {
    const startedAt = '2026-01-01T00:00:00.000Z';
    expect(scanElapsedText({ startedAt, finishedAt: null }, Date.parse(startedAt) + 75_000)).toBe('1 min');
    expect(scanElapsedText({ startedAt, finishedAt: '2026-01-01T00:00:42.000Z' }, Date.parse(startedAt) + 999_000)).toBe('42 s');
  });
});

const form = (rangesText: string, ports = ['80', '4028'], maxRate = ''): ScanFormValues => ({ siteId: null, rangesText, ports, saveRanges: true, maxRate });

describe('scan form', () => {
  it('reads one range per line or comma, skipping blank lines, and keeps the line numbers', () => {
    expect(rangeLines('127.60.0.0/24\n\n 127.60.1.1-20 , 127.60.2.7\n')).toEqual([
      { text: '127.60.0.0/24', line: 1 },
      { text: '127.60.1.1-20', line: 3 },
      { text: '127.60.2.7', line: 3 },
    ]);
  });

  it('accepts good ranges, counts the addresses, and never saves ranges without a site', () => {
    const check = checkScanForm(form('127.60.0.0/24\n127.60.1.10-19'));
    expect(check).toEqual({
      ok: true,
      addresses: 266,
      input: { ranges: ['127.60.0.0/24', '127.60.1.10-19'], siteId: null, ports: [80, 4028], saveRanges: false, maxRate: null },
    });
  });

  it('takes a rate cap in addresses a second, and names a wrong one under its field', () => {
    const capped = checkScanForm(form('127.60.0.0/24', ['80'], ' 500 '));
    expect(capped.ok && capped.input.maxRate).toBe(500);
    expect(checkScanForm(form('127.60.0.0/24', ['80'], 'fast'))).toMatchObject({ ok: false, errors: { maxRate: expect.stringMatching(/number/) } });
    expect(checkScanForm(form('127.60.0.0/24', ['80'], '5'))).toEqual({ ok: false, errors: { maxRate: 'Must be at least 10 addresses a second' } });
  });

  it('puts each bad range under the field with its line, as the API names it', () => {
    const check = checkScanForm(form('127.60.0.0/24\n\n127.0.0.0/8\nnot an address'));
    expect(check.ok).toBe(false);
    if (check.ok) return;
    expect(check.errors.ranges).toMatch(/^Line 3: "127\.0\.0\.0\/8" is larger than a \/16/);
    expect(check.errors.ranges?.split('\n')[1]).toMatch(/^Line 4: /);
    expect(checkScanForm(form(''))).toEqual({ ok: false, errors: { ranges: `Add at least one range, like ${exampleAddresses.cidr}` } });
  });

  it('names a bad port by what was typed', () => {
    const check = checkScanForm(form('127.60.0.1', ['80', 'http', '70000']));
    expect(check.ok ? null : check.errors.ports).toBe('Port "http": must be a port number\nPort "70000": must be at most 65535');
    expect(scanFormErrors({ 'ranges.0': 'is refused', siteId: 'was not found' }, form('127.60.0.1'))).toEqual({
      ranges: 'Line 1: Is refused',
      siteId: 'Was not found',
    });
  });
});
