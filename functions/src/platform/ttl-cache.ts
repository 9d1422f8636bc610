/**
 * A value loaded at most once per `ttlMs` per Lambda container; concurrent callers share the load
 * in flight, and a failed load is not cached. For public, rarely changing data (the catalogue).
 * `clear()` forgets the value, so the next call loads again (a test standing for the TTL passing).
 */
export function ttlCache<T>(ttlMs: number, load: () => Promise<T>, now: () => number = Date.now): (() => Promise<T>) & { clear(): void } {
  let value: { at: number; data: T } | undefined;
  let inFlight: Promise<T> | undefined;
  const get = async () => {
    if (value && now() - value.at < ttlMs) return value.data;
    inFlight ??= load()
      .then((data) => {
        value = { at: now(), data };
        return data;
      })
      .finally(() => {
        inFlight = undefined;
      });
    return inFlight;
  };
  return Object.assign(get, {
    clear() {
      value = undefined;
    },
  });
}
