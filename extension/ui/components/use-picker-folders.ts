import { useEffect, useState } from 'preact/hooks';
import { toErrorData, type ErrorData } from '../../../src/errors/index.ts';
import type { Crumb, EntryId, FolderEntry, PortalId } from '../../../src/protocol/index.ts';
import type { Connector } from '../connector.ts';

/**
 * What a folder picker browses: the rooms (and My documents) at the top, then the subfolders of the folder it
 * is in, filtered by what the user typed. Going into a folder clears the filter, so its subfolders all show.
 */
export function usePickerFolders(connector: Connector, portalId: PortalId, hidden: ReadonlySet<string> = new Set()) {
  const [at, setAt] = useState<Crumb[]>([]);
  const [folders, setFolders] = useState<FolderEntry[] | null>(null);
  const [myId, setMyId] = useState<EntryId | null>(null);
  const [query, setQuery] = useState('');
  const [error, setError] = useState<ErrorData | null>(null);
  const here = at.at(-1);

  useEffect(() => {
    setFolders(null);
    setError(null);
    const request = here
      ? connector.send('listFolder', { portalId, folderId: here.id, count: 100 })
      : connector.send('listRooms', { portalId, count: 100 });
    request.then(
      (page) => {
        setFolders(page.entries.filter((e): e is FolderEntry => e.kind === 'folder' && !hidden.has(String(e.id))));
        // After the rooms, not beside them: a newer listing supersedes the one in flight in the background.
        if (!here && myId === null)
          connector.send('listSection', { portalId, section: 'my', count: 1 }).then(
            (my) => setMyId(my.folder.id),
            () => undefined,
          );
      },
      (err: unknown) => setError(toErrorData(err)),
    );
  }, [here?.id]);

  const needle = query.trim().toLocaleLowerCase();
  const goTo = (path: Crumb[]) => {
    setQuery('');
    setAt(path);
  };
  return {
    at,
    here,
    goTo,
    open: (crumb: Crumb) => goTo([...at, crumb]),
    folders,
    shown: (folders ?? []).filter((f) => f.title.toLocaleLowerCase().includes(needle)),
    needle,
    myId,
    query,
    setQuery,
    error,
    setError,
  };
}
