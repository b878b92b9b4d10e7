import { getFile, getFolder } from '../../../src/docspace/api-entries.ts';
import { sameOriginUrl } from '../../../src/docspace/entries.ts';
import type { EntryId } from '../../../src/protocol/index.ts';
import type { PortalSession } from '../../../src/sessions/portal-session.ts';

/** A thumbnail is a few KB; anything larger is not one. */
const MAX_THUMBNAIL_BYTES = 256 * 1024;
const IMAGE_TYPE = /^image\/(png|jpeg|gif|webp)$/;

/**
 * A file's thumbnail as a data URL: the page shows it without ever calling the portal (and the portal's
 * thumbnail needs the account's credentials). Kept for the session; a file without one answers null.
 */
export function thumbnailOf(session: PortalSession, fileId: EntryId): Promise<string | null> {
  return session.remember(`thumb:${fileId}`, async () => {
    const file = await getFile(session.client, fileId);
    return file.thumbnailStatus === 1 ? imageAt(session, file.thumbnailUrl) : null;
  });
}

/** A room's uploaded logo (its medium size, drawn at the tile's 32 px), or null when it has none. */
export function roomLogoOf(session: PortalSession, roomId: EntryId): Promise<string | null> {
  return session.remember(`logo:${roomId}`, async () => {
    const room = await getFolder(session.client, roomId);
    return imageAt(session, room.logo?.medium);
  });
}

/** An image on the portal as a data URL: only from the portal itself, only an image type, only a small one. */
async function imageAt(session: PortalSession, candidate: string | undefined): Promise<string | null> {
  const url = sameOriginUrl(candidate, session.origin);
  if (!url) return null;
  const { bytes, contentType } = await session.client.bytes(url, { lane: 'user', maxBytes: MAX_THUMBNAIL_BYTES });
  const type = contentType.split(';')[0]!.trim().toLowerCase();
  if (!IMAGE_TYPE.test(type)) return null;
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return `data:${type};base64,${btoa(binary)}`;
}
