// The app's own origin: the renderer is served from app://msi-doctor/ and only that origin may call the API.

export const APP_SCHEME = 'app';
export const APP_HOST = 'msi-doctor';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_ENTRY_URL = `${APP_ORIGIN}/index.html`;

/** True when the URL is on our app:// origin (scheme and host compared exactly, case-insensitively). */
export function isAppUrl(raw: string): boolean {
  try {
    const url = new URL(raw);
    return (
      url.protocol === `${APP_SCHEME}:` && url.host.toLowerCase() === APP_HOST && url.username === '' && url.port === ''
    );
  } catch {
    return false;
  }
}
