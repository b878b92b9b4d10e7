// Saving from pages: a save request (from the menu's one click handler, the quick-save command, a drop or the
// picker page) becomes a durable 'save' job in the chosen folder. What the page holds (a snapshot, an article, a
// selection) is read at the click, stored in the blob store, and the job takes it from there; a linked file or an
// image is fetched by the job itself, so a large one survives the worker being stopped.
import { documentsOf } from '../../src/capture/documents-of.ts';
import { menuItems, SIGN_IN_MENU_ID } from '../../src/capture/menu-items.ts';
import { menuPortals } from '../../src/capture/portal-file.ts';
import {
  isFileActionRequest,
  isWeb,
  type MenuClick,
  type MenuRequest,
  type SaveRequest,
} from '../../src/capture/save-request.ts';
import { MY_DOCUMENTS, withRecent, type SaveFolder } from '../../src/capture/save-settings.ts';
import { appError, toErrorData } from '../../src/errors/index.ts';
import type { SaveInput, SaveParams } from '../../src/jobs/kinds/save.ts';
import type { DroppedItem, EntryId, JobSummary, PortalId } from '../../src/protocol/index.ts';
import { pendingSavesItem, saveSettingsItem } from '../../src/storage/schema.ts';
import type { CapturePorts } from '../platform/ports.ts';
import type { BackgroundContext } from './app.ts';
import type { FileActions } from './file-actions.ts';
import { rootsOf } from './handlers/section-roots.ts';

/** A pending "Choose folder…" save older than this is dropped (its bytes with it). */
const PENDING_MAX_AGE_MS = 60 * 60_000;

export type CaptureService = ReturnType<typeof captureService>;

export function captureService(
  ports: CapturePorts,
  context: BackgroundContext & { ready: Promise<void> },
  now: () => number,
  newId: () => string,
  files: FileActions,
) {
  const { storage, registry, jobs } = context;

  /** The portal saves go to: the one the pages show, if it is signed in. */
  const savingPortal = (): PortalId | null => {
    const id = registry.shownPortalId();
    const record = id ? registry.get(id) : undefined;
    return record && !record.needsSignIn ? record.id : null;
  };

  let menuWork = Promise.resolve();
  /** Menus are rebuilt one at a time: removeAll and the creates of two rebuilds must not interleave. */
  const rebuildMenus = (): Promise<void> => {
    menuWork = menuWork
      .then(async () => {
        const portalId = savingPortal();
        const settings = portalId ? await storage.get(saveSettingsItem, portalId) : null;
        // The file entries: every signed-in portal with site access (the one the pages show first on its origin).
        const accounts = await Promise.all(
          registry.list().map(async (record) => ({
            id: record.id,
            origin: record.origin,
            usable: !record.needsSignIn && (await context.hasHostPermission(record.origin)),
          })),
        );
        const filePortals = menuPortals(accounts, registry.shownPortalId());
        await ports.menus.replace(
          menuItems(portalId && settings ? { id: portalId, settings } : null, ports.t, filePortals),
        );
      })
      .catch((error: unknown) => console.warn('The context menu could not be built:', String(error)));
    return menuWork;
  };

  /** The folder a destination names; the default is the user's choice, else My documents (its real id). */
  const resolveFolder = async (portalId: PortalId, destination: SaveRequest['destination']): Promise<SaveFolder> => {
    if (destination.kind === 'folder') return { id: destination.folderId, title: destination.title };
    const settings = await storage.get(saveSettingsItem, portalId);
    if (settings.defaultFolder) return settings.defaultFolder;
    const session = await context.sessions.require(portalId);
    const my = (await rootsOf(session)).my;
    if (my === undefined) throw appError('saveNoDefaultFolder', {});
    return { id: my, title: ports.t('section_my') };
  };

  const startJob = async (portalId: PortalId, folder: SaveFolder, inputs: SaveInput[]): Promise<JobSummary> => {
    const settings = await storage.get(saveSettingsItem, portalId);
    const params: SaveParams = {
      folderId: folder.id,
      folderTitle: folder.title,
      conflict: settings.conflict,
      ...(settings.convertToDocx && inputs.some((input) => input.method === 'html') ? { convertToDocx: true } : {}),
    };
    const summary = await jobs.start('save', portalId, params, inputs);
    if (String(folder.id) !== String(MY_DOCUMENTS)) {
      await storage.update(saveSettingsItem, portalId, (current) => withRecent(current, folder));
      void rebuildMenus();
    }
    return summary;
  };

  /** Reads what the save takes from the page and stores its bytes; a link or an image is left to the job. */
  const prepare = async (
    request: SaveRequest,
    portalId: PortalId,
    granted: boolean,
  ): Promise<{ inputs: SaveInput[]; needsOrigin?: string }> => {
    const settings = await storage.get(saveSettingsItem, portalId);
    const documents = await documentsOf(request, {
      template: settings.nameTemplate,
      now: new Date(now()),
      pageCapture: granted && ports.page.hasPageCapture(),
      page: ports.page,
    });
    if (documents.kind === 'fetch') {
      const inputs: SaveInput[] = [{ label: documents.url, method: 'upload', url: documents.url }];
      // Refused (or not asked) in the click: the picker page says why the site is needed and asks again.
      const allowed = granted || (await ports.permissions.hasOrigin(documents.url));
      return allowed ? { inputs } : { inputs, needsOrigin: new URL(documents.url).origin };
    }
    const [key] = await ports.blobs.put([documents.blob]);
    return {
      inputs: [
        { label: documents.name, method: documents.method, key: key!, name: documents.name, size: documents.blob.size },
      ],
    };
  };

  /** A save whose destination is the picker: kept until the picker page chooses (or an hour passes). */
  const holdForPicker = async (
    portalId: PortalId,
    inputs: SaveInput[],
    extra: { needsOrigin?: string; folder?: SaveFolder } = {},
  ): Promise<void> => {
    const id = newId();
    let expired: SaveInput[] = [];
    await storage.update(pendingSavesItem, (all) => {
      const kept: typeof all = {};
      for (const [key, pending] of Object.entries(all)) {
        if (now() - pending.createdAt > PENDING_MAX_AGE_MS) expired = [...expired, ...pending.inputs];
        else kept[key] = pending;
      }
      kept[id] = { portalId, inputs, createdAt: now(), ...extra };
      return kept;
    });
    await ports.blobs.remove(expired.flatMap((input) => (input.key ? [input.key] : [])));
    await ports.openPicker(`pending=${encodeURIComponent(id)}`);
  };

  /**
   * A save from the menu (or the quick-save command). Returns the job it started, null when it waits for the
   * picker. A save that cannot even start (no page to read, no access) is shown on the picker page with what to
   * do, never dropped silently.
   */
  const save = async (request: SaveRequest, granted: boolean): Promise<JobSummary | null> => {
    await context.ready;
    try {
      const portalId = request.destination.portalId;
      if (!registry.get(portalId) || registry.get(portalId)?.needsSignIn) throw appError('saveNotSignedIn', {});
      const { inputs, needsOrigin } = await prepare(request, portalId, granted);
      if (request.destination.kind === 'choose') {
        await holdForPicker(portalId, inputs, needsOrigin ? { needsOrigin } : {});
        return null;
      }
      const folder = await resolveFolder(portalId, request.destination);
      if (needsOrigin) {
        await holdForPicker(portalId, inputs, { needsOrigin, folder });
        return null;
      }
      return await startJob(portalId, folder, inputs);
    } catch (error) {
      const data = toErrorData(error);
      await ports.openPicker(`error=${encodeURIComponent(JSON.stringify(data))}`).catch(() => undefined);
      throw error;
    }
  };

  return {
    rebuildMenus,
    save,
    /**
     * The menu's click, after the pure handler turned it into a request (null: neither a save nor a file entry).
     * A save returns its job; a file entry's action (open, copy a link) resolves null once it is done.
     */
    async click(request: MenuRequest | null, click: MenuClick, granted: Promise<boolean>): Promise<JobSummary | null> {
      if (!request) {
        if (click.menuItemId === SIGN_IN_MENU_ID) await ports.openPicker('signIn=1');
        return null;
      }
      if (isFileActionRequest(request)) {
        await context.ready;
        await files.click(request);
        return null;
      }
      return save(request, await granted);
    },
    /** Quick save: the current page as a snapshot into the default folder (`granted`: page capture, asked in the key's gesture). */
    async quickSave(
      tab: { id?: number; url?: string; title?: string },
      granted: Promise<boolean>,
    ): Promise<JobSummary | null> {
      await context.ready;
      const portalId = savingPortal();
      if (!portalId) {
        await ports.openPicker('signIn=1');
        return null;
      }
      if (tab.id === undefined || !tab.url || !isWeb(tab.url)) {
        await ports.openPicker(
          `error=${encodeURIComponent(JSON.stringify(toErrorData(appError('saveNotWebPage', {}))))}`,
        );
        return null;
      }
      const request: SaveRequest = {
        what: 'pageSnapshot',
        destination: { kind: 'default', portalId },
        tabId: tab.id,
        pageUrl: tab.url,
        pageTitle: tab.title || tab.url,
      };
      return save(request, await granted);
    },
    async pending(id: string) {
      const pending = (await storage.get(pendingSavesItem))[id];
      if (!pending) return null;
      return {
        id,
        portalId: pending.portalId,
        labels: pending.inputs.map((input) => input.label),
        ...(pending.needsOrigin ? { needsOrigin: pending.needsOrigin } : {}),
        ...(pending.folder ? { folder: pending.folder } : {}),
      };
    },
    async completePending(id: string, folder: SaveFolder): Promise<JobSummary> {
      let taken: { portalId: PortalId; inputs: SaveInput[] } | undefined;
      await storage.update(pendingSavesItem, (all) => {
        const { [id]: mine, ...rest } = all;
        taken = mine;
        return rest;
      });
      if (!taken) throw appError('savePendingGone', {});
      return startJob(taken.portalId, folder, taken.inputs);
    },
    async cancelPending(id: string): Promise<void> {
      let inputs: SaveInput[] = [];
      await storage.update(pendingSavesItem, (all) => {
        const { [id]: mine, ...rest } = all;
        inputs = mine?.inputs ?? [];
        return rest;
      });
      await ports.blobs.remove(inputs.flatMap((input) => (input.key ? [input.key] : [])));
    },
    /** Links, images and text dropped on a folder: one job there. */
    async dropped(portalId: PortalId, folder: { id: EntryId; title: string }, items: DroppedItem[]) {
      const settings = await storage.get(saveSettingsItem, portalId);
      const inputs: SaveInput[] = [];
      for (const item of items) {
        const documents = await documentsOf(
          item.kind === 'image'
            ? {
                what: 'image',
                destination: { kind: 'default', portalId },
                pageUrl: item.url,
                pageTitle: item.url,
                targetUrl: item.url,
              }
            : item.kind === 'link'
              ? {
                  what: 'linkAddress',
                  destination: { kind: 'default', portalId },
                  pageUrl: item.url,
                  pageTitle: item.title || item.url,
                  targetUrl: item.url,
                  ...(item.title ? { text: item.title } : {}),
                }
              : {
                  what: 'selection',
                  destination: { kind: 'default', portalId },
                  pageUrl: '',
                  pageTitle: item.text.split('\n')[0]!.slice(0, 80),
                  text: item.text,
                },
          {
            template: settings.nameTemplate,
            now: new Date(now()),
            pageCapture: false,
            page: ports.page,
            droppedHtml: item.kind === 'text' ? item.html : undefined,
          },
        );
        if (documents.kind === 'fetch') inputs.push({ label: documents.url, method: 'upload', url: documents.url });
        else {
          const [key] = await ports.blobs.put([documents.blob]);
          inputs.push({
            label: documents.name,
            method: documents.method,
            key: key!,
            name: documents.name,
            size: documents.blob.size,
          });
        }
      }
      return startJob(portalId, folder, inputs);
    },
  };
}
