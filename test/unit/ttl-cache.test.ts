import { describe, expect, it } from 'vitest';
import { ttlCache } from '../../functions/src/platform/ttl-cache';

describe('the per-container cache for public, rarely changing data', () => {
  it('loads once per period and again after it', async () => {
    let clock = 0;
    let loads = 0;
    const read = ttlCache(10_000, async () => ++loads, () => clock);
    expect(await read()).toBe(1);
    clock = 9_999;
    expect(await read()).toBe(1);
    clock = 10_000;
    expect(await read()).toBe(2);
  });

  it('shares one load among concurrent callers', async () => {
    let loads = 0;
    const read = ttlCache(10_000, async () => {
      loads++;
      await new Promise((resolve) => setTimeout(resolve, 10));
      return 'catalogue';
    });
    expect(await Promise.all(Array.from({ length: 20 }, read))).toEqual(Array(20).fill('catalogue'));
    expect(loads).toBe(1);
  });

  it('does not keep a failed load', async () => {
    let fail = true;
    const read = ttlCache(10_000, async () => {
      if (fail) throw new Error('throttled');
      return 'ok';
    });
    await expect(read()).rejects.toThrow('throttled');
    fail = false;
    expect(await read()).toBe('ok');
  });
});
