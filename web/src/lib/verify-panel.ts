/**
 * The result panel of the public verification pages (licence-verify-page.ts, receipt-verify-page.ts;
 * markup in components/VerifyPage.astro): a titled, toned panel with a list of facts, and an error
 * box for a lookup that failed.
 */
import { ApiError } from './api';
import { required } from './dom';

export interface VerifyState {
  title: string;
  text: string;
}

export interface VerifyPanel {
  loading: HTMLElement;
  facts: HTMLElement;
  /** Shows `state` in the panel with a tone (success, warning, info, error); the facts stay hidden. */
  show(state: VerifyState, tone: string): void;
  /** Fills fact `name` and returns its element. */
  slot(name: string, text: string): HTMLElement;
  /** A failed lookup: "not found" (404 or a malformed number) in the panel, anything else in the error box. */
  failed(error: unknown, notFound: VerifyState, fallback: string): void;
}

export function verifyPanel(root: HTMLElement, where: string, options: { focusOnShow: boolean }): VerifyPanel {
  const loading = required<HTMLElement>(root, '[data-loading]', where);
  const panel = required<HTMLElement>(root, '[data-panel]', where);
  const facts = required<HTMLElement>(panel, '[data-facts]', where);
  const errorBox = required<HTMLElement>(root, '[data-error]', where);

  function show(state: VerifyState, tone: string): void {
    loading.hidden = true;
    panel.className = `panel panel-${tone}`;
    required<HTMLElement>(panel, '[data-panel-title]', where).textContent = state.title;
    required<HTMLElement>(panel, '[data-panel-text]', where).textContent = state.text;
    facts.hidden = true;
    panel.hidden = false;
    if (options.focusOnShow) panel.focus();
  }

  return {
    loading,
    facts,
    show,
    slot(name, text) {
      const element = required<HTMLElement>(facts, `[data-slot="${name}"]`, where);
      element.textContent = text;
      return element;
    },
    failed(error, notFound, fallback) {
      if (error instanceof ApiError && (error.code === 'not_found' || error.status === 400)) return show(notFound, 'warning');
      loading.hidden = true;
      required<HTMLElement>(errorBox, '[data-error-message]', where).textContent = error instanceof ApiError ? error.title : fallback;
      errorBox.hidden = false;
    },
  };
}
