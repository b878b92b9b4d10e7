// Room writes (docspace-api.md §5.1): create, update, pin/unpin, room tags and the portal's tag
// catalogue (files/tags). Archive/unarchive/delete are operations (routes/operations.ts).
import { BodyReader, readJsonBody } from '../body.ts';
import type { RequestContext } from '../context.ts';
import { folderDto } from '../dto/entries.ts';
import { locate } from '../dto/locate.ts';
import { FolderType, RoomType } from '../enums.ts';
import { ok } from '../envelope.ts';
import { argumentError, folderNotFound, invalidOperation } from '../errors.ts';
import { addDefaultRoomLink, cleanTitle, createRoom, MESSAGES } from '../operations/actions.ts';
import { QueryReader } from '../query.ts';
import type { Router } from '../router.ts';
import type { FolderRecord, RoomLifetime, RoomWatermark } from '../store.ts';
import { HistoryAction, recordRename, recordTags } from '../history/record.ts';
import { requireRoom } from './access.ts';
import { API, currentUser, scopeOf } from './common.ts';

export const MAX_ROOM_TITLE_LENGTH = 170;

function roomReply(ctx: RequestContext, room: FolderRecord) {
  const dto = folderDto(scopeOf(ctx), room);
  if (!dto) throw folderNotFound();
  return ok(ctx, dto);
}

/** `[StringLength(6)] string Color`: hex without '#'. "#FF0000" is 7 characters → 400. */
function readColor(r: BodyReader): string | undefined {
  const color = r.text('color', 'Color', { maxLength: 6 });
  return color === undefined || color === '' ? undefined : color.toUpperCase();
}

function readTags(r: BodyReader, name: string): string[] | undefined {
  return r
    .strings(name)
    ?.map((t) => t.trim())
    .filter(Boolean);
}

function object(r: BodyReader, name: string): BodyReader | undefined {
  const v = r.value(name);
  return v && typeof v === 'object' && !Array.isArray(v) ? new BodyReader(v as Record<string, unknown>) : undefined;
}

/** RoomDataLifetimeDto; `enabled: false` switches it off (null). */
function readLifetime(r: BodyReader): RoomLifetime | null | undefined {
  const o = object(r, 'lifetime');
  if (!o) return undefined;
  const enabled = o.optionalBool('enabled') ?? true;
  if (!enabled) return null;
  const period = o.int('period') ?? 0;
  return { deletePermanently: o.bool('deletePermanently', false), period, value: o.int('value') ?? 1, enabled: true };
}

/** WatermarkRequestDto; `enabled: false` removes it. */
function readWatermark(r: BodyReader): RoomWatermark | null | undefined {
  const o = object(r, 'watermark');
  if (!o) return undefined;
  if (o.optionalBool('enabled') === false) return null;
  const text = o.text('text', 'Text', { maxLength: 255 });
  const imageUrl = o.text('imageUrl', 'ImageUrl');
  return {
    additions: o.int('additions') ?? 0,
    ...(text ? { text } : {}),
    rotate: o.int('rotate') ?? 0,
    imageScale: o.int('imageScale') ?? 0,
    ...(imageUrl ? { imageUrl } : {}),
    imageHeight: Number(o.value('imageHeight') ?? 0),
    imageWidth: Number(o.value('imageWidth') ?? 0),
  };
}

function isArchived(ctx: RequestContext, room: FolderRecord): boolean {
  return locate(ctx.store, room.id)?.root.folderType === FolderType.Archive;
}

/** Every tag name of the portal: the catalogue plus tags in use on rooms, sorted. */
function allTags(ctx: RequestContext): string[] {
  const byKey = new Map<string, string>();
  for (const tag of ctx.store.customTags.values()) byKey.set(tag.name.toLowerCase(), tag.name);
  for (const folder of ctx.store.folders.values())
    for (const tag of folder.tags) if (!byKey.has(tag.toLowerCase())) byKey.set(tag.toLowerCase(), tag);
  return [...byKey.values()].sort((a, b) => a.localeCompare(b));
}

export function registerRoomWriteRoutes(router: Router): void {
  router.post(`${API}/files/rooms`, 'authenticated', async (ctx) => {
    const r = await readJsonBody(ctx);
    if (!r.has('title') || !r.has('roomType')) {
      const missing = ['title', 'roomType'].filter((n) => !r.has(n)).map((n) => `'${n}'`);
      r.fail(
        '$',
        `JSON deserialization for type 'ASC.Files.ApiModels.RequestDto.CreateRoomRequestDto' was missing required properties including: ${missing.join(', ')}.`,
      );
    }
    const title = r.text('title', 'Title', { maxLength: MAX_ROOM_TITLE_LENGTH }) ?? '';
    const roomType = r.enumValue(RoomType, 'roomType', 'ASC.Files.Core.ApiModels.RequestDto.RoomType');
    const color = readColor(r);
    const tags = readTags(r, 'tags') ?? [];
    const isPrivate = r.bool('private', false);
    const indexing = r.optionalBool('indexing') ?? false;
    const denyDownload = r.optionalBool('denyDownload') ?? false;
    const lifetime = readLifetime(r);
    const watermark = readWatermark(r);
    r.done();
    const clean = cleanTitle(title);
    if (!clean) throw argumentError(MESSAGES.invalidTitle);
    if (roomType === undefined) throw argumentError('roomType');
    const actor = { store: ctx.store, user: currentUser(ctx), now: new Date() };
    const room = createRoom(actor, {
      title: clean,
      roomType,
      tags,
      ...(color !== undefined ? { color } : {}),
      isPrivate,
      indexing,
      denyDownload,
    });
    // Only a virtual data room keeps a file lifetime and a watermark (CreateRoomAsync).
    if (room.roomType === RoomType.VirtualDataRoom) {
      if (lifetime) room.lifetime = lifetime;
      if (watermark) room.watermark = watermark;
      ctx.store.touch();
    }
    addDefaultRoomLink(actor, room);
    return roomReply(ctx, room);
  });

  router.add('PUT', `${API}/files/rooms/:id`, 'authenticated', async (ctx) => {
    const room = requireRoom(ctx, ctx.params['id']);
    const r = await readJsonBody(ctx, { dtoProperty: 'UpdateRoom' });
    const title = r.text('title', 'Title', { maxLength: MAX_ROOM_TITLE_LENGTH });
    const color = readColor(r);
    const tags = readTags(r, 'tags');
    const indexing = r.optionalBool('indexing');
    const denyDownload = r.optionalBool('denyDownload');
    const lifetime = readLifetime(r);
    const watermark = readWatermark(r);
    r.done();
    if (isArchived(ctx, room)) throw invalidOperation(MESSAGES.updateArchivedRoom);
    const user = currentUser(ctx);
    const now = new Date();
    const patch: Partial<FolderRecord> = {};
    // UpdateRoomAsync renames only for a non-empty title: a blank one leaves the title as it was.
    const clean = title === undefined ? '' : cleanTitle(title);
    const oldTitle = room.title;
    if (clean && clean !== room.title) patch.title = clean;
    if (room.roomType === RoomType.VirtualDataRoom) {
      if (lifetime === null) delete room.lifetime;
      else if (lifetime) patch.lifetime = lifetime;
      if (watermark === null) delete room.watermark;
      else if (watermark) patch.watermark = watermark;
    }
    if (color !== undefined) patch.color = color;
    if (tags !== undefined) {
      for (const tag of tags) ctx.store.addCustomTag(tag, user.id, now);
      patch.tags = [...new Set(tags)];
    }
    if (indexing !== undefined && room.roomType === RoomType.VirtualDataRoom) patch.indexing = indexing;
    if (denyDownload !== undefined) patch.denyDownload = denyDownload;
    ctx.store.updateEntry(room, patch, user.id, now);
    if (patch.title) recordRename({ store: ctx.store, userId: user.id, date: now }, room, oldTitle);
    return roomReply(ctx, room);
  });

  const pin = (pinned: boolean) => (ctx: RequestContext) => {
    const room = requireRoom(ctx, ctx.params['id']);
    if (room.pinned !== pinned) {
      room.pinned = pinned;
      ctx.store.touch();
    }
    return roomReply(ctx, room);
  };
  router.add('PUT', `${API}/files/rooms/:id/pin`, 'authenticated', pin(true));
  router.add('PUT', `${API}/files/rooms/:id/unpin`, 'authenticated', pin(false));

  const roomTags = (add: boolean) => async (ctx: RequestContext) => {
    const room = requireRoom(ctx, ctx.params['id']);
    const r = await readJsonBody(ctx, { dtoProperty: 'BatchTags' });
    // BatchTagsRequestDto: [Required] List<string> Names.
    if (!r.has('names')) r.fail('BatchTags.Names', 'The Names field is required.');
    const names = readTags(r, 'names') ?? [];
    r.done();
    if (isArchived(ctx, room)) throw invalidOperation(MESSAGES.updateArchivedRoom);
    const user = currentUser(ctx);
    const now = new Date();
    const lower = new Set(names.map((n) => n.toLowerCase()));
    let tags: string[];
    if (add) {
      for (const name of names) ctx.store.addCustomTag(name, user.id, now);
      tags = [...room.tags];
      for (const name of names) if (!tags.some((t) => t.toLowerCase() === name.toLowerCase())) tags.push(name);
    } else {
      tags = room.tags.filter((t) => !lower.has(t.toLowerCase()));
    }
    const changed = add ? tags.filter((t) => !room.tags.includes(t)) : room.tags.filter((t) => !tags.includes(t));
    room.tags = tags;
    ctx.store.touch();
    if (changed.length > 0)
      recordTags(
        { store: ctx.store, userId: user.id, date: now },
        add ? HistoryAction.AddedRoomTags : HistoryAction.DeletedRoomTags,
        room,
        changed,
      );
    return roomReply(ctx, room);
  };
  router.add('PUT', `${API}/files/rooms/:id/tags`, 'authenticated', roomTags(true));
  router.add('DELETE', `${API}/files/rooms/:id/tags`, 'authenticated', roomTags(false));

  // ---- tag catalogue ----
  router.get(`${API}/files/tags`, 'authenticated', (ctx) => {
    const q = new QueryReader(ctx.query);
    const text = q.text('text');
    const { startIndex, count } = q.paging();
    q.done();
    const needle = text?.trim().toLowerCase();
    const names = allTags(ctx).filter((t) => !needle || t.toLowerCase().includes(needle));
    // IAsyncEnumerable<object> of tag names: count is 1 (docspace-api.md §2.1).
    return ok(ctx, names.slice(startIndex, startIndex + count), { count: 1 });
  });

  router.post(`${API}/files/tags`, 'authenticated', async (ctx) => {
    const r = await readJsonBody(ctx);
    const name = r.text('name', 'Name', { required: true, maxLength: 255 });
    r.done();
    if (!name?.trim()) throw argumentError("The value cannot be an empty string. (Parameter 'name')");
    const tag = ctx.store.addCustomTag(name.trim(), currentUser(ctx).id, new Date());
    return ok(ctx, tag.name);
  });

  /** `Task` action: EmptyResult, wrapped as an envelope without `response`. */
  router.add('DELETE', `${API}/files/tags`, 'authenticated', async (ctx) => {
    const r = await readJsonBody(ctx);
    if (!r.has('names')) r.fail('Names', 'The Names field is required.');
    const names = readTags(r, 'names') ?? [];
    r.done();
    const lower = new Set(names.map((n) => n.toLowerCase()));
    for (const name of names) ctx.store.deleteCustomTag(name);
    for (const folder of ctx.store.folders.values()) {
      if (folder.tags.some((t) => lower.has(t.toLowerCase())))
        folder.tags = folder.tags.filter((t) => !lower.has(t.toLowerCase()));
    }
    ctx.store.touch();
    return ok(ctx, null);
  });
}
