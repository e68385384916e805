// The well-known SIDs of Windows in ONE place (account names are localized; SIDs are not): the SDDL aliases, the broad
// groups an ACE must never grant control to, the ones every signed-in user belongs to, and how to find a SID in text.
// Shared by the probes (sddl.ts), the repair guard (command-guard.ts) and the simulated machine.

export const SID = {
  everyone: 'S-1-1-0',
  creatorOwner: 'S-1-3-0',
  creatorGroup: 'S-1-3-1',
  ownerRights: 'S-1-3-4',
  network: 'S-1-5-2',
  interactive: 'S-1-5-4',
  anonymous: 'S-1-5-7',
  authenticatedUsers: 'S-1-5-11',
  system: 'S-1-5-18',
  localService: 'S-1-5-19',
  networkService: 'S-1-5-20',
  administrators: 'S-1-5-32-544',
  users: 'S-1-5-32-545',
  guests: 'S-1-5-32-546',
  powerUsers: 'S-1-5-32-547',
  allApplicationPackages: 'S-1-15-2-1',
  allRestrictedApplicationPackages: 'S-1-15-2-2',
  trustedInstaller: 'S-1-5-80-956008885-3418522649-1831038044-1853292631-2271478464',
  mediumIntegrity: 'S-1-16-8192',
  highIntegrity: 'S-1-16-12288',
  systemIntegrity: 'S-1-16-16384',
} as const;

/** SDDL SID aliases that occur on file-system objects (Microsoft: "SID strings"). */
export const SDDL_ALIASES: Readonly<Record<string, string>> = {
  SY: SID.system,
  BA: SID.administrators,
  BU: SID.users,
  BG: SID.guests,
  PU: SID.powerUsers,
  WD: SID.everyone,
  AU: SID.authenticatedUsers,
  IU: SID.interactive,
  NU: SID.network,
  AN: SID.anonymous,
  CO: SID.creatorOwner,
  CG: SID.creatorGroup,
  OW: SID.ownerRights,
  LS: SID.localService,
  NS: SID.networkService,
  AC: SID.allApplicationPackages,
};

/** SID -> its SDDL alias (what Get-Acl's Sddl and icacls /save write). */
export const ALIAS_OF_SID: Readonly<Record<string, string>> = Object.fromEntries(
  Object.entries(SDDL_ALIASES).map(([alias, sid]) => [sid, alias]),
);

/** An SDDL SID token (alias or S-1-...) as a SID. */
export function sidOfToken(token: string): string {
  return SDDL_ALIASES[token.toUpperCase()] ?? token.toUpperCase();
}

/** The groups every ordinary signed-in user is in: an ACE for one of them is an ACE for the user. */
export const ORDINARY_USER_SIDS: readonly string[] = [SID.everyone, SID.authenticatedUsers, SID.users, SID.interactive];

/**
 * Broad groups: every ordinary user, plus guests, anonymous and network logons. Full control, modify or ownership for
 * any of them on a system folder is a hole (never granted by a repair, reported by the probes).
 */
export const BROAD_SIDS: readonly string[] = [...ORDINARY_USER_SIDS, SID.guests, SID.anonymous, SID.network];

/** Principals whose full control on a system folder is normal. */
export const TRUSTED_SIDS: readonly string[] = [SID.system, SID.administrators, SID.creatorOwner, SID.trustedInstaller];

/** A SID of any authority: S-1-5-21-… (domain/local), S-1-12-1-… (Entra ID), S-1-5-18… */
export const SID_TEXT = /\bS-1-\d+(?:-\d+)+\b/;

/**
 * The account SID on the `/user` line of `whoami /user [/groups] [/fo csv] [/nh]`: the first SID of the first line
 * that holds one, whatever its authority (Entra ID accounts are S-1-12-1-…, not S-1-5-21-…).
 */
export function accountSidOfWhoami(text: string): string | null {
  const line = text.split(/\r?\n/).find((l) => SID_TEXT.test(l));
  return line ? (SID_TEXT.exec(line)?.[0] ?? null) : null;
}
