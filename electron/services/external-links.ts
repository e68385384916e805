// The allowlist of documentation hosts the app may open in the user's browser (shell.openExternal and links).

/** Only Microsoft's documentation and support sites: the knowledge base links nowhere else. */
export const DOCUMENTATION_HOSTS = ['learn.microsoft.com', 'support.microsoft.com'] as const;

/** True only for a plain https URL on an allowlisted host (no credentials, no custom port). */
export function isAllowedExternalUrl(raw: string): boolean {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return false;
  }
  if (url.protocol !== 'https:') return false;
  if (url.username !== '' || url.password !== '') return false;
  if (url.port !== '') return false;
  return (DOCUMENTATION_HOSTS as readonly string[]).includes(url.hostname.toLowerCase());
}
