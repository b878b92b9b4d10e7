import { SelectField } from '../components/SelectField.tsx';
import { useEffect, useState } from 'preact/hooks';
import { toErrorData, type ErrorData } from '../../../src/errors/index.ts';
import type { Entry, LinkAccess, PortalId, ShareLinkInfo } from '../../../src/protocol/index.ts';
import type { Connector } from '../connector.ts';
import { Dialog } from '../components/Dialog.tsx';
import { ErrorNotice } from '../components/ErrorNotice.tsx';
import { ServerText } from '../components/ServerText.tsx';
import { Spinner } from '../components/Spinner.tsx';
import { usePlatform } from '../platform-context.ts';

const EXPIRY_DAYS = [0, 1, 7, 30] as const;

/** The entry's external link: what it lets anyone with it do, until when, and a button that copies it. */
export function ShareDialog(props: { portalId: PortalId; entry: Entry; connector: Connector; onClose(): void }) {
  const { t, copyText } = usePlatform();
  const [link, setLink] = useState<ShareLinkInfo | null>(null);
  const [error, setError] = useState<ErrorData | null>(null);
  const [access, setAccess] = useState<number>(2);
  const [days, setDays] = useState<number>(0);
  const [copied, setCopied] = useState(false);
  const [busy, setBusy] = useState(false);
  const ref = { kind: props.entry.kind, id: props.entry.id };
  const apply = (next: ShareLinkInfo) => {
    setLink(next);
    setAccess(next.access);
  };
  useEffect(() => {
    props.connector
      .send('shareLink', { portalId: props.portalId, entry: ref })
      .then(apply, (err: unknown) => setError(toErrorData(err)));
  }, [props.entry.id]);
  const save = async () => {
    setBusy(true);
    setError(null);
    try {
      const expiresAt = days === 0 ? null : new Date(Date.now() + days * 86_400_000).toISOString();
      apply(
        await props.connector.send('shareLink', {
          portalId: props.portalId,
          entry: ref,
          update: { access: access as LinkAccess, expiresAt },
        }),
      );
    } catch (err) {
      setError(toErrorData(err));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Dialog title={t('shareTitle')} onClose={props.onClose}>
      <p class="muted">
        <ServerText text={props.entry.title} />
      </p>
      {!link && !error && <Spinner />}
      {error && <ErrorNotice error={error} />}
      {link && (
        <div class="dialog-form">
          <label class="field">
            <span>{t('shareLinkLabel')}</span>
            <input readOnly value={link.url} data-testid="share-url" onFocus={(e) => e.currentTarget.select()} />
          </label>
          <p class="muted" data-testid="share-grants">
            {t('shareGrants', t(`access_${link.access}`))}
            {link.expiresAt ? ` ${t('shareExpires', new Date(link.expiresAt).toLocaleDateString())}` : ''}
          </p>
          <div class="form-actions">
            <button
              type="button"
              class="button button-primary"
              onClick={() => void copyText(link.url).then(() => setCopied(true))}
            >
              {copied ? t('copied') : t('copyLinkButton')}
            </button>
          </div>
          <SelectField label={t('shareAccessLabel')} value={String(access)} onChange={(v) => setAccess(Number(v))}>
            {link.accessLevels.map((level) => (
              <option key={level} value={String(level)}>
                {t(`access_${level}`)}
              </option>
            ))}
          </SelectField>
          <SelectField label={t('shareExpiryLabel')} value={String(days)} onChange={(v) => setDays(Number(v))}>
            {EXPIRY_DAYS.map((d) => (
              <option key={d} value={String(d)}>
                {d === 0 ? t('expiryNever') : t(`expiryDays_${d}`)}
              </option>
            ))}
          </SelectField>
          <div class="form-actions">
            <button type="button" class="button" disabled={busy} onClick={() => void save()}>
              {t('shareSave')}
            </button>
            <button type="button" class="button" onClick={props.onClose}>
              {t('close')}
            </button>
          </div>
        </div>
      )}
    </Dialog>
  );
}
