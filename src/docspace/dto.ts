/**
 * The parts of DocSpace's DTOs the extension reads, as valibot schemas: a response that does not match is a
 * "malformed response" error instead of a crash deep in the UI. Objects are loose because DocSpace adds
 * fields between versions; only what we use is required.
 */
import * as v from 'valibot';

export const entryIdSchema = v.union([v.number(), v.string()]);

export const successEnvelopeSchema = v.looseObject({
  response: v.optional(v.unknown()),
  count: v.optional(v.number()),
  total: v.optional(v.number()),
  status: v.optional(v.number()),
  statusCode: v.optional(v.number()),
});

export const errorBodySchema = v.looseObject({
  error: v.looseObject({ message: v.optional(v.nullable(v.string())) }),
});

export const validationProblemSchema = v.looseObject({
  title: v.optional(v.string()),
  errors: v.optional(v.record(v.string(), v.array(v.string()))),
});

export const portalSettingsSchema = v.looseObject({
  docSpace: v.optional(v.boolean()),
  version: v.optional(v.string()),
  greetingSettings: v.optional(v.string()),
  culture: v.optional(v.string()),
});

export const authTokenSchema = v.looseObject({
  token: v.optional(v.string()),
  expires: v.optional(v.string()),
  tfa: v.optional(v.boolean()),
  sms: v.optional(v.boolean()),
});

export const selfSchema = v.looseObject({
  id: v.string(),
  displayName: v.optional(v.string()),
  email: v.optional(v.string()),
  userName: v.optional(v.string()),
});

const authorSchema = v.looseObject({ id: v.string(), displayName: v.optional(v.string()) });
/** FilesSecurityActions → allowed, by name; only the actions relevant to the entry are present. */
const securitySchema = v.record(v.string(), v.boolean());
/** Where an entry listed outside its folder lives (Trash, Recent, Favorites, search results). */
const originFields = {
  originId: v.optional(entryIdSchema),
  originTitle: v.optional(v.string()),
  originRoomId: v.optional(entryIdSchema),
  originRoomTitle: v.optional(v.string()),
};

export const fileDtoSchema = v.looseObject({
  id: entryIdSchema,
  title: v.string(),
  createdBy: v.optional(authorSchema),
  updatedBy: v.optional(authorSchema),
  security: v.optional(securitySchema),
  folderId: v.optional(entryIdSchema),
  version: v.optional(v.number()),
  viewUrl: v.optional(v.string()),
  thumbnailUrl: v.optional(v.string()),
  thumbnailStatus: v.optional(v.number()),
  locked: v.optional(v.boolean()),
  lockedBy: v.optional(v.string()),
  rootFolderType: v.optional(v.number()),
  ...originFields,
  fileType: v.optional(v.number()),
  fileExst: v.optional(v.string()),
  pureContentLength: v.optional(v.number()),
  updated: v.optional(v.string()),
  created: v.optional(v.string()),
  webUrl: v.optional(v.string()),
  isFavorite: v.optional(v.boolean()),
});

export const folderDtoSchema = v.looseObject({
  id: entryIdSchema,
  title: v.string(),
  createdBy: v.optional(authorSchema),
  updatedBy: v.optional(authorSchema),
  security: v.optional(securitySchema),
  parentId: v.optional(entryIdSchema),
  rootFolderType: v.optional(v.number()),
  logo: v.optional(
    v.looseObject({ color: v.optional(v.string()), medium: v.optional(v.string()), large: v.optional(v.string()) }),
  ),
  ...originFields,
  type: v.optional(v.number()),
  roomType: v.optional(v.number()),
  filesCount: v.optional(v.number()),
  foldersCount: v.optional(v.number()),
  updated: v.optional(v.string()),
  created: v.optional(v.string()),
  isFavorite: v.optional(v.boolean()),
  pinned: v.optional(v.boolean()),
  tags: v.optional(v.array(v.string())),
});

export const pathPartSchema = v.looseObject({
  id: entryIdSchema,
  title: v.string(),
  folderType: v.optional(v.number()),
  roomType: v.optional(v.number()),
});

export const folderContentSchema = v.looseObject({
  files: v.array(fileDtoSchema),
  folders: v.array(folderDtoSchema),
  current: folderDtoSchema,
  pathParts: v.optional(v.array(pathPartSchema)),
  startIndex: v.optional(v.number()),
  count: v.optional(v.number()),
  total: v.number(),
});

/**
 * `fields=` for a listing: exactly what the schemas above read, so DocSpace leaves out the rest of each DTO
 * (a FileDto is ~60 properties, a listing reads ~25). `current` and `pathParts` are one object each, kept whole.
 */
export const LISTING_FIELDS: string = [
  ...Object.keys(fileDtoSchema.entries).map((name) => `files.${name}`),
  ...Object.keys(folderDtoSchema.entries).map((name) => `folders.${name}`),
  'current',
  'pathParts',
  'startIndex',
  'count',
  'total',
].join(',');

/** `files/@root`: one FolderContentDto per section root; only each root's folder is read. */
export const rootsSchema = v.array(v.looseObject({ current: folderDtoSchema }));

export type FileDto = v.InferOutput<typeof fileDtoSchema>;
export type FolderDto = v.InferOutput<typeof folderDtoSchema>;
export type FolderContentDto = v.InferOutput<typeof folderContentSchema>;
export type PortalSettingsDto = v.InferOutput<typeof portalSettingsSchema>;
export type AuthTokenDto = v.InferOutput<typeof authTokenSchema>;
export type SelfDto = v.InferOutput<typeof selfSchema>;
