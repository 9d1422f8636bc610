/**
 * Forms start from the national identity (VNeID) when the person signed in with it (ADR 0021):
 * name, date of birth and CCCD number come from GET /api/me, so they are not typed again.
 */
import { prefillValues } from '@portal/shared/auth/national-claims';
import { getMe, type RequestOptions } from './api';

/** The values to start a form from; none when signed in otherwise or when /api/me cannot be read. */
export async function identityValues(options: RequestOptions): Promise<Record<string, string>> {
  if (!options.token) return {};
  try {
    return prefillValues((await getMe(options.token, { lang: options.lang })).identity);
  } catch {
    return {};
  }
}

/** Fills the named inputs of `form` that are still empty. */
export function fillEmpty(form: HTMLFormElement, values: Record<string, string>): void {
  for (const [name, value] of Object.entries(values)) {
    const input = form.elements.namedItem(name);
    if (input instanceof HTMLInputElement && !input.value) input.value = value;
  }
}
