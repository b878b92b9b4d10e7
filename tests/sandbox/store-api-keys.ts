// Personal API keys in the store: the key itself is never kept, only its sha256 (as on the real
// server), so a lookup hashes the presented key and compares.
import { randomBytes, randomUUID } from 'node:crypto';
import type { SandboxStore } from './store.ts';
import { sha256Hex } from './store-helpers.ts';
import type { ApiKeyRecord } from './store-records.ts';

/** Registers a key given in full (seeded keys) and returns its record. */
export function addApiKey(
  store: SandboxStore,
  input: {
    id: string;
    name: string;
    userId: string;
    key: string;
    permissions?: string[];
    createdOn: Date;
    expiresAt?: Date | null;
    isActive?: boolean;
  },
): ApiKeyRecord {
  const record: ApiKeyRecord = {
    id: input.id,
    name: input.name,
    userId: input.userId,
    keyHash: sha256Hex(input.key),
    keyPostfix: input.key.slice(-4),
    permissions: input.permissions ?? [],
    createdOn: input.createdOn,
    expiresAt: input.expiresAt ?? null,
    isActive: input.isActive ?? true,
    lastUsed: null,
  };
  store.apiKeys.set(record.id, record);
  store.touch();
  return record;
}

/** Mints a new random key ("sk-" + 64 hex); the full key is returned only here. */
export function createApiKey(
  store: SandboxStore,
  input: { name: string; userId: string; permissions?: string[]; expiresAt?: Date | null; now: Date },
): { key: string; record: ApiKeyRecord } {
  const key = `sk-${randomBytes(32).toString('hex')}`;
  const record = addApiKey(store, {
    id: randomUUID(),
    name: input.name,
    userId: input.userId,
    key,
    permissions: input.permissions ?? [],
    createdOn: input.now,
    expiresAt: input.expiresAt ?? null,
  });
  return { key, record };
}

export function findApiKey(store: SandboxStore, key: string): ApiKeyRecord | undefined {
  const hash = sha256Hex(key);
  for (const record of store.apiKeys.values()) if (record.keyHash === hash) return record;
  return undefined;
}

export function updateApiKey(
  store: SandboxStore,
  id: string,
  patch: { name?: string; permissions?: string[]; isActive?: boolean },
): ApiKeyRecord | undefined {
  const record = store.apiKeys.get(id);
  if (!record) return undefined;
  if (patch.name !== undefined) record.name = patch.name;
  if (patch.permissions !== undefined) record.permissions = patch.permissions;
  if (patch.isActive !== undefined) record.isActive = patch.isActive;
  store.touch();
  return record;
}

export function deleteApiKey(store: SandboxStore, id: string): boolean {
  const deleted = store.apiKeys.delete(id);
  if (deleted) store.touch();
  return deleted;
}
