/**
 * What the apply wizard opens from its address: a draft (or a dossier awaiting a supplement) to
 * resume by its id, a new dossier of a procedure by its code (prefilled from a national identity),
 * another page for a dossier past the wizard, or why there is nothing to open.
 */
import type { DossierView } from '@portal/shared/dossiers/api';
import type { Procedure } from '@portal/shared/procedures/catalogue';
import { APPLY_TEXT } from './apply-texts';
import { isDossierId } from './dossier-format';
import { getApplyProcedure, getDossier } from './dossiers-api';
import { pagePath, type Lang } from './i18n';
import { identityValues } from './identity-prefill';
import { carryToCounterpart } from './lang-switch';

export type Opening =
  | { kind: 'wizard'; procedure: Procedure; data: Record<string, unknown>; dossier?: DossierView; message: string }
  | { kind: 'elsewhere'; href: string }
  | { kind: 'unavailable' }
  | { kind: 'no_procedure' };

/** API errors propagate (the page words them); the language switch keeps pointing at the same dossier. */
export async function openApplication(address: { code: string | null; resumeId: string | null }, options: { lang: Lang; token: string }): Promise<Opening> {
  const { lang } = options;
  const t = APPLY_TEXT[lang];
  if (isDossierId(address.resumeId)) {
    const dossier = await getDossier(address.resumeId, options);
    // A draft, or a supplement the officer asked for (same wizard; submitting resubmits).
    if (dossier.state !== 'draft' && dossier.state !== 'supplement_requested') return { kind: 'elsewhere', href: `${pagePath('dossierDetail', lang)}#${dossier.dossierId}` };
    const procedure = await getApplyProcedure(dossier.procedureId, { lang });
    carryToCounterpart(`?${new URLSearchParams({ [lang === 'vi' ? 'dossier' : 'ho-so']: dossier.dossierId }).toString()}`);
    return { kind: 'wizard', procedure, dossier, data: { ...dossier.data }, message: dossier.state === 'supplement_requested' ? t.supplementMode : t.resumed };
  }
  const code = address.code;
  if (!code || !/^[a-z0-9-]{3,80}$/.test(code)) return { kind: 'no_procedure' };
  const procedure = await getApplyProcedure(code, { lang });
  carryToCounterpart(`?${new URLSearchParams({ [lang === 'vi' ? 'procedure' : 'thu-tuc']: code }).toString()}`);
  if (!procedure.available) return { kind: 'unavailable' };
  // A new dossier starts from the VNeID identity, if any.
  return { kind: 'wizard', procedure, data: await identityValues(options), message: '' };
}
