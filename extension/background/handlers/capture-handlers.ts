import { appError } from '../../../src/errors/index.ts';
import type { CommandHandlers } from '../../../src/protocol/index.ts';
import { saveSettingsItem } from '../../../src/storage/schema.ts';
import type { CommandContext } from '../../platform/ports.ts';
import type { BackgroundContext } from '../app.ts';
import type { CaptureService } from '../capture-service.ts';

type CaptureCommands = Pick<
  CommandHandlers<CommandContext>,
  'getSaveSettings' | 'setSaveSettings' | 'getPendingSave' | 'completePendingSave' | 'cancelPendingSave' | 'saveDropped'
>;

export function captureHandlers(
  { storage, registry }: BackgroundContext,
  capture: () => CaptureService,
): CaptureCommands {
  const known = (portalId: string) => {
    if (!registry.get(portalId)) throw appError('portalNotInList', {});
  };
  return {
    getSaveSettings: async ({ portalId }) => {
      known(portalId);
      return storage.get(saveSettingsItem, portalId);
    },
    setSaveSettings: async ({ portalId, defaultFolder, nameTemplate, conflict, convertToDocx }) => {
      known(portalId);
      const saved = await storage.update(saveSettingsItem, portalId, (current) => ({
        ...current,
        defaultFolder,
        nameTemplate,
        conflict,
        ...(convertToDocx !== undefined ? { convertToDocx } : {}),
      }));
      void capture().rebuildMenus();
      return saved;
    },
    getPendingSave: ({ id }) => capture().pending(id),
    completePendingSave: ({ id, folderId, folderTitle }) =>
      capture().completePending(id, { id: folderId, title: folderTitle }),
    cancelPendingSave: async ({ id }) => {
      await capture().cancelPending(id);
      return { id };
    },
    saveDropped: async ({ portalId, folderId, folderTitle, items }) => {
      known(portalId);
      return capture().dropped(portalId, { id: folderId, title: folderTitle }, items);
    },
  };
}
