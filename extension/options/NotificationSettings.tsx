import { useEffect, useState } from 'preact/hooks';
import type { Connector } from '../ui/connector.ts';
import { usePlatform } from '../ui/platform-context.ts';

/** One switch: a notification when a job finishes or fails (the badge counts jobs either way). */
export function NotificationSettings({ connector }: { connector: Connector }) {
  const { t } = usePlatform();
  const [on, setOn] = useState<boolean | null>(null);
  useEffect(() => {
    let live = true;
    void connector
      .send('getFeedbackSettings', {})
      .then((settings) => live && setOn(settings.notifications))
      .catch(() => undefined);
    return () => {
      live = false;
    };
  }, [connector]);
  const change = (notifications: boolean) => {
    setOn(notifications);
    void connector
      .send('setFeedbackSettings', { notifications })
      .then((settings) => setOn(settings.notifications))
      .catch(() => setOn(!notifications));
  };
  return (
    <section aria-labelledby="notifications-heading">
      <h2 id="notifications-heading">{t('notificationsHeading')}</h2>
      <div class="check-field">
        <label>
          <input
            name="notifications"
            type="checkbox"
            checked={on ?? false}
            disabled={on === null}
            aria-describedby="notifications-hint"
            onChange={(event) => change(event.currentTarget.checked)}
          />
          {t('notificationsLabel')}
        </label>
        <small id="notifications-hint" class="muted">
          {t('notificationsHint')}
        </small>
      </div>
    </section>
  );
}
