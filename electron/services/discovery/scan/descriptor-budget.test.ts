import { describe, expect, it } from 'vitest';
import { connectionsPerIdentification, openDescriptors, openFileLimit, scanBudget } from './descriptor-budget';

describe('descriptor budget', () => {
  const wanted = { sweepConnects: 1024, identifications: 128 };

  it('gives a scan what it asks for when the limit leaves room, keeping a quarter for the rest of the app', () => {
    expect(scanBudget(wanted, { limit: 20_000, inUse: 100 })).toEqual(wanted);
  });

  it('shrinks the scan under a low limit so the API keeps its reserve', () => {
    const budget = scanBudget(wanted, { limit: 1_024, inUse: 100 });
    const held = budget.sweepConnects + budget.identifications * connectionsPerIdentification;
    expect(held).toBeLessThanOrEqual(1_024 - 100 - 512);
    expect(budget.identifications).toBeGreaterThanOrEqual(2);
    expect(budget.sweepConnects).toBeGreaterThanOrEqual(8);
  });

  it('keeps a little going even when the process is almost out of descriptors, and plans on a safe limit where none can be read', () => {
    expect(scanBudget(wanted, { limit: 600, inUse: 590 })).toEqual({ sweepConnects: 8, identifications: 2 });
    const unknown = scanBudget(wanted, { limit: null, inUse: null });
    expect(unknown.sweepConnects + unknown.identifications * connectionsPerIdentification).toBeLessThanOrEqual(4096 - 1024);
  });

  it('reads this process’s limit and use where the system tells them', () => {
    if (process.platform !== 'linux') return;
    expect(openFileLimit()).toBeGreaterThan(0);
    expect(openDescriptors()).toBeGreaterThan(2);
  });
});
