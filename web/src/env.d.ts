/// <reference types="astro/client" />

interface ImportMetaEnv {
  /** Where "Đăng nhập" sends the browser; the local dev identity provider by default. */
  readonly PUBLIC_SIGN_IN_URL?: string;
}
