// The kinds of personal or secret values the redactor replaces, and the placeholder format `<kind-N>`.

export const REDACTION_KINDS = ['user', 'computer', 'domain', 'sid', 'email', 'ip', 'mac', 'secret'] as const;
export type RedactionKind = (typeof REDACTION_KINDS)[number];

/** Identities known up front (from the scan, the environment, the OS) or learned from text. */
export interface Identities {
  users: string[];
  computers: string[];
  domains: string[];
  sids: string[];
  secrets: string[];
}

export function emptyIdentities(): Identities {
  return { users: [], computers: [], domains: [], sids: [], secrets: [] };
}

export function placeholderOf(kind: RedactionKind, n: number): string {
  return `<${kind}-${n}>`;
}
