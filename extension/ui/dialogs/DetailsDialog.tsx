import { useEffect, useState } from 'preact/hooks';
import { toErrorData, type ErrorData } from '../../../src/errors/index.ts';
import { formatDate } from '../../../src/format/date.ts';
import { formatSize } from '../../../src/format/size.ts';
import type { Entry, EntryDetails, PortalId } from '../../../src/protocol/index.ts';
import type { Connector } from '../connector.ts';
import { Dialog } from '../components/Dialog.tsx';
import { ErrorNotice } from '../components/ErrorNotice.tsx';
import { ServerText } from '../components/ServerText.tsx';
import { Spinner } from '../components/Spinner.tsx';
import { usePlatform } from '../platform-context.ts';
import { Sentence } from '../components/Sentence.tsx';

/** Where an entry lives, its size, who made and changed it when, its lock, and its versions (with restore). */
export function DetailsDialog(props: { portalId: PortalId; entry: Entry; connector: Connector; onClose(): void }) {
  const { t, uiLanguage } = usePlatform();
  const [details, setDetails] = useState<EntryDetails | null>(null);
  const [error, setError] = useState<ErrorData | null>(null);
  const [restoring, setRestoring] = useState<number | null>(null);
  const ref = { kind: props.entry.kind, id: props.entry.id };
  const load = () => {
    setError(null);
    props.connector
      .send('entryDetails', { portalId: props.portalId, entry: ref })
      .then(setDetails, (err: unknown) => setError(toErrorData(err)));
  };
  useEffect(load, [props.entry.id]);
  const locale = uiLanguage();
  const date = (iso: string) => formatDate(iso, locale, new Date());
  const file = details?.entry.kind === 'file' ? details.entry : null;
  return (
    <Dialog title={t('detailsTitle')} onClose={props.onClose}>
      {!details && !error && <Spinner />}
      {error && <ErrorNotice error={error} onRetry={load} />}
      {details && (
        <dl class="details" data-testid="details">
          <dt>{t('detailsName')}</dt>
          <dd>
            <ServerText text={details.entry.title} />
          </dd>
          <dt>{t('detailsLocation')}</dt>
          <dd>
            <ServerText text={details.path.map((crumb) => crumb.title).join(' › ') || '—'} />
          </dd>
          {file && (
            <>
              <dt>{t('detailsSize')}</dt>
              <dd>{formatSize(file.sizeBytes, locale, t)}</dd>
            </>
          )}
          <dt>{t('detailsCreated')}</dt>
          <dd>
            {date(details.created)} · <ServerText text={details.createdBy} />
          </dd>
          <dt>{t('detailsUpdated')}</dt>
          <dd>
            {date(details.updated)} · <ServerText text={details.updatedBy} />
          </dd>
          {file && (
            <>
              <dt>{t('detailsLock')}</dt>
              <dd>{details.lockedBy ? <Sentence k="lockedBy" params={[details.lockedBy]} /> : t('notLocked')}</dd>
            </>
          )}
        </dl>
      )}
      {details && details.versions.length > 0 && (
        <section aria-labelledby="versions-heading">
          <h3 id="versions-heading" class="dialog-subtitle">
            {t('versions')}
          </h3>
          <ul class="versions" data-testid="versions">
            {details.versions.map((version, i) => (
              <li key={version.version}>
                <span>
                  {t('versionLabel', String(version.version))} · {date(version.updated)} ·{' '}
                  <ServerText text={version.author} /> · {formatSize(version.sizeBytes, locale, t)}
                </span>
                {i > 0 && (
                  <button
                    type="button"
                    class="link-button"
                    aria-label={t('restoreVersionN', String(version.version))}
                    disabled={restoring !== null}
                    onClick={() => {
                      setRestoring(version.version);
                      props.connector
                        .send('restoreVersion', {
                          portalId: props.portalId,
                          fileId: props.entry.id,
                          version: version.version,
                        })
                        .then(setDetails, (err: unknown) => setError(toErrorData(err)))
                        .finally(() => setRestoring(null));
                    }}
                  >
                    {t('restoreVersion')}
                  </button>
                )}
              </li>
            ))}
          </ul>
        </section>
      )}
      <div class="form-actions">
        <button type="button" class="button" onClick={props.onClose}>
          {t('close')}
        </button>
      </div>
    </Dialog>
  );
}
