import { useEffect, useState } from 'preact/hooks';
import { appError, toErrorData, type ErrorData } from '../../src/errors/index.ts';
import type { PendingSaveView, SaveSettings } from '../../src/protocol/index.ts';
import { ErrorNotice } from '../ui/components/ErrorNotice.tsx';
import { FolderPicker, type Place } from '../ui/components/FolderPicker.tsx';
import { ServerText } from '../ui/components/ServerText.tsx';
import { Spinner } from '../ui/components/Spinner.tsx';
import type { Connector } from '../ui/connector.ts';
import { usePlatform } from '../ui/platform-context.ts';

type Outcome = { kind: 'started'; folder: Place } | { kind: 'cancelled' };

/** The error a save that could not start carries in the address (from the background, as ErrorData). */
function errorFrom(raw: string | null): ErrorData | null {
  if (!raw) return null;
  try {
    const data = JSON.parse(raw) as Partial<ErrorData>;
    if (typeof data.key === 'string' && typeof data.code === 'string') return data as ErrorData;
  } catch {
    // Not ours: said as an internal error below.
  }
  return toErrorData(appError('internal', { detail: 'unreadable error' }));
}

export function PickerApp({ connector, query }: { connector: Connector; query: URLSearchParams }) {
  const platform = usePlatform();
  const { t } = platform;
  const pendingId = query.get('pending');
  const startError = errorFrom(query.get('error'));
  const [pending, setPending] = useState<PendingSaveView | null | undefined>(undefined);
  const [settings, setSettings] = useState<SaveSettings | null>(null);
  const [error, setError] = useState<ErrorData | null>(null);
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  /** The site's access, when the save needs it: asked here, inside the user's click, after saying why. */
  const [allowed, setAllowed] = useState(false);

  useEffect(() => {
    if (!pendingId) return;
    connector.send('getPendingSave', { id: pendingId }).then(
      async (found) => {
        setPending(found);
        if (found) setSettings(await connector.send('getSaveSettings', { portalId: found.portalId }));
        else setError(toErrorData(appError('savePendingGone', {})));
      },
      (err: unknown) => setError(toErrorData(err)),
    );
  }, [pendingId]);

  const pick = async (folder: Place) => {
    if (!pendingId) return;
    setBusy(true);
    try {
      await connector.send('completePendingSave', { id: pendingId, folderId: folder.id, folderTitle: folder.title });
      setOutcome({ kind: 'started', folder });
    } catch (err) {
      setError(toErrorData(err));
      setBusy(false);
    }
  };
  const cancel = async () => {
    if (pendingId) await connector.send('cancelPendingSave', { id: pendingId }).catch(() => undefined);
    setOutcome({ kind: 'cancelled' });
  };
  const openOptions = () => void platform.openOptionsPage();
  const allow = async (origin: string) => {
    setError(null);
    const granted = await platform.requestHostPermission(origin);
    if (!granted) {
      setError(toErrorData(appError('saveNeedsAccess', { origin })));
      return;
    }
    setAllowed(true);
    if (pending?.folder) await pick(pending.folder);
  };
  const needsAccess = pending?.needsOrigin !== undefined && !allowed;

  return (
    <main class="options picker-page">
      <h1>{t('pickerTitle')}</h1>
      {query.get('signIn') && (
        <div class="notice" role="status">
          <p class="notice-text">{t('pickerSignIn')}</p>
          <button type="button" class="button button-primary" onClick={openOptions}>
            {t('pickerOpenOptions')}
          </button>
        </div>
      )}
      {startError && (
        <>
          <h2>{t('pickerError')}</h2>
          <ErrorNotice error={startError} onOpenOptions={openOptions} />
        </>
      )}
      {error && <ErrorNotice error={error} onOpenOptions={openOptions} />}
      {outcome?.kind === 'started' && (
        <p role="status" data-testid="picker-started">
          {t('pickerStarted', outcome.folder.title)}
        </p>
      )}
      {outcome?.kind === 'cancelled' && <p role="status">{t('pickerCancelled')}</p>}
      {pendingId && pending === undefined && !error && <Spinner />}
      {pending?.needsOrigin && needsAccess && !outcome && (
        <div class="notice" role="status" data-testid="picker-needs-access">
          <p class="notice-text">{t('pickerNeedsAccess', pending.needsOrigin)}</p>
          <div class="notice-actions">
            <button
              type="button"
              class="button button-primary"
              disabled={busy}
              onClick={() => void allow(pending.needsOrigin!)}
            >
              {t('pickerAllowAccess', pending.needsOrigin)}
            </button>
            <button type="button" class="button" onClick={() => void cancel()}>
              {t('pickerCancel')}
            </button>
          </div>
        </div>
      )}
      {pending && settings && !outcome && !needsAccess && !pending.folder && (
        <>
          <p data-testid="picker-what">
            {t('pickerSaving', '')}
            <ServerText text={pending.labels.join(', ')} />
          </p>
          <FolderPicker
            portalId={pending.portalId}
            connector={connector}
            busy={busy}
            shortcuts={[
              ...(settings.defaultFolder ? [{ ...settings.defaultFolder, label: t('pickerDefault') }] : []),
              ...settings.recent.filter((f) => String(f.id) !== String(settings.defaultFolder?.id)),
            ]}
            pickLabel={(place) => t('pickerSaveHere', place.title)}
            onPick={(place) => void pick(place)}
          />
          <button type="button" class="button" onClick={() => void cancel()}>
            {t('pickerCancel')}
          </button>
        </>
      )}
    </main>
  );
}
