// SDDL parsing and formatting (the one parser: probes, repairs and the simulated machine) and the ACL judgements the
// probes make on it (by SID and access mask, never by account names).
import { ALIAS_OF_SID, BROAD_SIDS, ORDINARY_USER_SIDS, SDDL_ALIASES, TRUSTED_SIDS } from '../well-known-sids.ts';

export { BROAD_SIDS, ORDINARY_USER_SIDS, TRUSTED_SIDS };

export interface Ace {
  type: 'allow' | 'deny';
  /** SDDL ACE flags as two-letter codes: OI, CI, IO, NP, ID. */
  flags: string[];
  /** The rights as written in the SDDL ('FA', '0x100026', 'CCDCLC...'). */
  rights: string;
  mask: number;
  sid: string;
}

export interface SecurityDescriptor {
  owner: string | null;
  group: string | null;
  /** 'P' protected, 'AI' auto-inherited... */
  daclFlags: string;
  dacl: Ace[];
}

const RIGHT_CODES: Record<string, number> = {
  GA: 0x10000000,
  GR: 0x80000000,
  GW: 0x40000000,
  GX: 0x20000000,
  SD: 0x10000,
  RC: 0x20000,
  WD: 0x40000,
  WO: 0x80000,
  FA: 0x1f01ff,
  FR: 0x120089,
  FW: 0x120116,
  FX: 0x1200a9,
  CC: 0x1,
  DC: 0x2,
  LC: 0x4,
  SW: 0x8,
  RP: 0x10,
  WP: 0x20,
  DT: 0x40,
  LO: 0x80,
  CR: 0x100,
  KA: 0xf003f,
  KR: 0x20019,
  KW: 0x20006,
  KX: 0x20019,
};

/** File access bits. */
export const FILE = {
  addFile: 0x2, // FILE_WRITE_DATA / FILE_ADD_FILE
  addSubdir: 0x4, // FILE_APPEND_DATA / FILE_ADD_SUBDIRECTORY
  deleteChild: 0x40,
  delete: 0x10000,
  writeDac: 0x40000,
  writeOwner: 0x80000,
  full: 0x1f01ff,
  genericAll: 0x10000000,
  genericWrite: 0x40000000,
} as const;

export function resolveSid(token: string): string {
  return SDDL_ALIASES[token.toUpperCase()] ?? token;
}

export function rightsToMask(rights: string): number {
  if (/^0x[0-9a-f]+$/i.test(rights)) return Number.parseInt(rights, 16) >>> 0;
  if (/^\d+$/.test(rights)) return Number(rights) >>> 0;
  let mask = 0;
  for (let i = 0; i < rights.length; i += 2) {
    const code = rights.slice(i, i + 2).toUpperCase();
    mask = (mask | (RIGHT_CODES[code] ?? 0)) >>> 0;
  }
  return mask;
}

/** Generic rights mapped to file rights, so GA on an inherit-only ACE compares with FA. */
export function effectiveFileMask(mask: number): number {
  let m = mask & 0x0fffffff;
  if (mask & FILE.genericAll) m |= FILE.full;
  if (mask & FILE.genericWrite) m |= 0x120116;
  if (mask & 0x80000000) m |= 0x120089;
  if (mask & 0x20000000) m |= 0x1200a9;
  return m >>> 0;
}

/** Parses 'O:SYG:SYD:P(A;OICI;FA;;;SY)...'. Returns null when the text is not SDDL. */
export function parseSddl(sddl: string | null | undefined): SecurityDescriptor | null {
  if (!sddl || !/^(O:|G:|D:)/.test(sddl.trim())) return null;
  const text = sddl.trim();
  const owner = /O:([^:()]+?)(?=G:|D:|S:|$)/.exec(text)?.[1] ?? null;
  const group = /G:([^:()]+?)(?=O:|D:|S:|$)/.exec(text)?.[1] ?? null;
  const dStart = text.indexOf('D:');
  const daclText = dStart >= 0 ? beforeSacl(text.slice(dStart + 2)) : '';
  const daclFlags = /^([A-Z]*)/.exec(daclText)?.[1] ?? '';
  const dacl: Ace[] = [];
  for (const m of daclText.matchAll(/\(([^)]*)\)/g)) {
    const [type = '', flags = '', rights = '', , , sid = ''] = m[1]!.split(';');
    if (type !== 'A' && type !== 'D') continue; // object/audit ACEs do not occur on folders we check
    dacl.push({
      type: type === 'A' ? 'allow' : 'deny',
      flags: flags.match(/.{2}/g) ?? [],
      rights,
      mask: rightsToMask(rights),
      sid: resolveSid(sid),
    });
  }
  return { owner: owner ? resolveSid(owner) : null, group: group ? resolveSid(group) : null, daclFlags, dacl };
}

/** ACEs that apply to the folder itself (not inherit-only). */
export function appliesToSelf(ace: Ace): boolean {
  return !ace.flags.includes('IO');
}

/** An ordinary user may create files in the folder: an allow ACE for a broad group with ADD_FILE and no matching deny. */
export function broadGroupsCanCreate(sd: SecurityDescriptor, userSid: string | null = null): boolean {
  const who = userSid ? [...ORDINARY_USER_SIDS, userSid] : ORDINARY_USER_SIDS;
  const relevant = sd.dacl.filter((a) => appliesToSelf(a) && who.includes(a.sid));
  const denied = relevant.some((a) => a.type === 'deny' && effectiveFileMask(a.mask) & FILE.addFile);
  const allowed = relevant.some((a) => a.type === 'allow' && effectiveFileMask(a.mask) & FILE.addFile);
  return allowed && !denied;
}

/** Rights that let a non-admin principal tamper with what others (SYSTEM installers) put in the folder. */
export function isDangerousGrant(ace: Ace): boolean {
  if (ace.type !== 'allow' || TRUSTED_SIDS.includes(ace.sid)) return false;
  const m = effectiveFileMask(ace.mask);
  return (m & (FILE.writeDac | FILE.writeOwner | FILE.delete | FILE.deleteChild)) !== 0;
}

export function hasFullControl(sd: SecurityDescriptor, sid: string): boolean {
  return sd.dacl.some(
    (a) =>
      a.type === 'allow' && a.sid === sid && appliesToSelf(a) && (effectiveFileMask(a.mask) & FILE.full) === FILE.full,
  );
}

// ---------------------------------------------------------------- writing SDDL (icacls edits, inheritance)
/** An ACE back to its SDDL text: well-known SIDs by alias, as Windows writes them. */
export function formatAce(ace: Ace): string {
  const sid = ALIAS_OF_SID[ace.sid] ?? ace.sid;
  return `(${ace.type === 'allow' ? 'A' : 'D'};${ace.flags.join('')};${ace.rights};;;${sid})`;
}

export function formatSddl(sd: SecurityDescriptor): string {
  const alias = (sid: string | null): string => (sid === null ? '' : (ALIAS_OF_SID[sid] ?? sid));
  return `${sd.owner ? `O:${alias(sd.owner)}` : ''}${sd.group ? `G:${alias(sd.group)}` : ''}D:${sd.daclFlags}${sd.dacl.map(formatAce).join('')}`;
}

/**
 * What a new child of a folder gets from the parent's inheritable ACEs (marked ID), as Windows computes it: a child
 * folder takes container-inherit ACEs (keeping OI/CI unless NP; object-inherit-only ones stay inherit-only), a file
 * takes object-inherit ACEs; IO is dropped where the ACE applies. Owner and group stay the parent's (our creators).
 */
export function inheritedSecurity(parent: SecurityDescriptor, child: 'dir' | 'file'): SecurityDescriptor {
  const dacl: Ace[] = [];
  for (const ace of parent.dacl) {
    const oi = ace.flags.includes('OI');
    const ci = ace.flags.includes('CI');
    const np = ace.flags.includes('NP');
    let flags: string[] | null = null;
    if (child === 'file') flags = oi ? [] : null;
    else if (ci) flags = np ? [] : [...(oi ? ['OI'] : []), 'CI'];
    else if (oi && !np) flags = ['OI', 'IO'];
    if (flags === null) continue;
    dacl.push({ ...ace, flags: [...flags, 'ID'] });
  }
  return { owner: parent.owner, group: parent.group, daclFlags: 'AI', dacl };
}

/** The DACL part of an SDDL tail: everything before its "S:" (SACL) part, if any. */
function beforeSacl(tail: string): string {
  const sacl = tail.indexOf('S:');
  return sacl >= 0 ? tail.slice(0, sacl) : tail;
}
