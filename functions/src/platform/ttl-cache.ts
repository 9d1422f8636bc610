/**
 * A value loaded at most once per `ttlMs` per Lambda container; concurrent callers share the load
 * in flight, and a failed load is not cached. For public, rarely changing data (the catalogue).
 */
export function ttlCache<T>(ttlMs: number, load: () => Promise<T>, now: () => number = Date.now): () => Promise<T> {
  let value: { at: number; data: T } | undefined;
  let inFlight: Promise<T> | undefined;
  return async () => {
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
}
