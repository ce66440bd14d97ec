import { describe, expect, it, vi } from 'vitest';
import type { Handlers } from '../contract';
import { AppError } from '../contract/errors';
import { permissionsOfRole } from '../contract/roles';
import { dispatch } from './dispatch';

const handlersThatThrow = (error: unknown) => ({ 'app.info': async () => Promise.reject(error) }) as unknown as Handlers;

describe('dispatch', () => {
  it('passes an AppError through with its code, message and fields', async () => {
    const log = { error: vi.fn(), info: vi.fn() };
    const outcome = await dispatch(
      handlersThatThrow(new AppError('CONFLICT', 'Already there.', { name: 'is taken' })),
      'app.info',
      {},
      { actor: 'a', log, permissions: permissionsOfRole('administrator') },
    );
    expect(outcome).toEqual({ ok: false, error: { code: 'CONFLICT', message: 'Already there.', fields: { name: 'is taken' } } });
    expect(log.error).not.toHaveBeenCalled();
  });

  it('logs an unexpected failure with its stack and shows one calm sentence instead', async () => {
    const log = { error: vi.fn(), info: vi.fn() };
    const boom = new Error('SQLITE_CORRUPT: database disk image is malformed');
    const outcome = await dispatch(handlersThatThrow(boom), 'app.info', {}, { actor: 'a', log, permissions: permissionsOfRole('administrator') });
    expect(outcome).toMatchObject({ ok: false, error: { code: 'INTERNAL' } });
    expect(JSON.stringify(outcome)).not.toContain('SQLITE');
    expect(log.error).toHaveBeenCalledWith({ err: boom, call: 'app.info' }, 'unexpected failure');
  });
});
