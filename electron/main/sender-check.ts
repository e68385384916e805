// Sender check of the IPC router: only the main frame of a page on our app:// origin may call the API.

/** The parts of Electron's IpcMainInvokeEvent the check reads (a structural type so tests need no Electron). */
export interface SenderFrameLike {
  url: string;
  /** null for the main frame; a sub-frame (iframe) has its parent frame here. */
  parent: unknown;
}
export interface IpcEventLike {
  senderFrame: SenderFrameLike | null | undefined;
}

export type SenderVerdict = { trusted: true } | { trusted: false; reason: 'no-frame' | 'sub-frame' | 'foreign-origin' };

export function checkSender(event: IpcEventLike, isAppUrl: (url: string) => boolean): SenderVerdict {
  const frame = event.senderFrame;
  // A frame that navigated away or was destroyed while the message was in flight has no senderFrame.
  if (!frame) return { trusted: false, reason: 'no-frame' };
  if (frame.parent !== null && frame.parent !== undefined) return { trusted: false, reason: 'sub-frame' };
  if (!isAppUrl(frame.url)) return { trusted: false, reason: 'foreign-origin' };
  return { trusted: true };
}
