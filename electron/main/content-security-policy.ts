// The Content-Security-Policy of the renderer: only our own scripts/styles/images, no remote content, no framing.

/**
 * Sent as a header by the app:// handler (and mirrored by the meta tag in renderer/index.html for the preview).
 * 'self' is app://msi-doctor; no 'unsafe-inline'/'unsafe-eval'; data: images only for inline icons.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
  "frame-src 'none'",
  "object-src 'none'",
  "worker-src 'none'",
].join('; ');
