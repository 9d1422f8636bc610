/** Build-time settings (Vite replaces import.meta.env.PUBLIC_* when the site is built). */
export const SIGN_IN_URL: string = import.meta.env.PUBLIC_SIGN_IN_URL || '/sandbox/login';
