/** The signed-in user's ID token, kept for this browser tab only (sessionStorage). */
import { isExpired } from './auth';

const KEY = 'portal.idToken';

export function getToken(): string | null {
  try {
    const token = sessionStorage.getItem(KEY);
    if (token && isExpired(token, Date.now())) {
      sessionStorage.removeItem(KEY);
      return null;
    }
    return token;
  } catch {
    return null; // storage disabled: behave as signed out
  }
}

export function setToken(token: string): boolean {
  try {
    sessionStorage.setItem(KEY, token);
    return true;
  } catch {
    return false;
  }
}

export function clearToken(): void {
  try {
    sessionStorage.removeItem(KEY);
  } catch {
    // nothing stored, nothing to clear
  }
}
