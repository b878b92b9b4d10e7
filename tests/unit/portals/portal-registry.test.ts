import { describe, expect, it } from 'vitest';
import { PortalRegistry, type PortalRecord } from '../../../src/portals/portal-registry.ts';
import { SCHEMA } from '../../../src/storage/schema.ts';
import { memoryAreas } from '../../../src/storage/storage-area.ts';
import { TypedStorage } from '../../../src/storage/typed-storage.ts';

const record = (id: string, origin = 'https://a.example.com'): PortalRecord => ({
  id,
  origin,
  name: 'A',
  version: '3.7.2',
  user: { id: 'u', displayName: 'U', email: 'u@example.com' },
  authMethod: 'apiKey',
  addedAt: '2026-11-28T00:00:00.000Z',
  needsSignIn: false,
});
const granted = async () => true;
const areas = () => memoryAreas();

describe('PortalRegistry', () => {
  it('keeps secrets out of the portal list and survives a reload (a new worker)', async () => {
    const storage = areas();
    const registry = new PortalRegistry(new TypedStorage(storage, SCHEMA));
    await registry.load();
    await registry.save(record('a|u'), { kind: 'apiKey', apiKey: 'sk-secret' });
    expect(JSON.stringify(storage.local.data.get('portals'))).not.toContain('sk-secret');

    const reloaded = new PortalRegistry(new TypedStorage(storage, SCHEMA));
    await reloaded.load();
    expect(await reloaded.state(granted)).toMatchObject({
      activePortalId: 'a|u',
      portals: [{ id: 'a|u', status: 'signedIn' }],
    });
    expect(await reloaded.credentials('a|u')).toEqual({ kind: 'apiKey', apiKey: 'sk-secret' });
  });

  it('reports a missing host permission and a refused sign-in as statuses', async () => {
    const registry = new PortalRegistry(new TypedStorage(areas(), SCHEMA));
    await registry.load();
    await registry.save(record('a|u'), { kind: 'apiKey', apiKey: 'k' });
    expect((await registry.state(async () => false)).portals[0]?.status).toBe('permissionMissing');
    expect(await registry.markNeedsSignIn('a|u')).toBe(true);
    expect(await registry.markNeedsSignIn('a|u')).toBe(false);
    expect((await registry.state(granted)).portals[0]?.status).toBe('signInRequired');
  });

  it('removes an account and picks another active one', async () => {
    const registry = new PortalRegistry(new TypedStorage(areas(), SCHEMA));
    await registry.load();
    await registry.save(record('a|u'), { kind: 'apiKey', apiKey: 'k1' });
    await registry.save(record('b|u', 'https://b.example.com'), { kind: 'apiKey', apiKey: 'k2' });
    await registry.remove('b|u');
    expect((await registry.state(granted)).activePortalId).toBe('a|u');
    expect(registry.list().map((r) => r.id)).toEqual(['a|u']);
  });

  it('applies concurrent writes one after another: none is lost', async () => {
    const storage = areas();
    const registry = new PortalRegistry(new TypedStorage(storage, SCHEMA));
    await registry.load();
    await Promise.all(
      Array.from({ length: 10 }, (_, i) =>
        registry.save(record(`p${i}|u`, `https://p${i}.example.com`), { kind: 'apiKey', apiKey: `k${i}` }),
      ),
    );
    expect(registry.list()).toHaveLength(10);
    expect((storage.local.data.get('portals') as unknown[]).length).toBe(10);
  });
});
