import { useStore } from '../stores/use-store.ts';
import type { UiStore } from '../stores/ui-store.ts';
import { usePlatform } from '../platform-context.ts';

/** What just happened, with Undo when there is one; read out by screen readers as it appears. */
export function ToastArea({ ui }: { ui: UiStore }) {
  const { t } = usePlatform();
  const { toast, dismissToast } = useStore(ui);
  return (
    <div class="toast-area" role="status" aria-live="polite">
      {toast && (
        <div class={toast.tone === 'error' ? 'toast toast-error' : 'toast'} data-testid="toast">
          <span class="toast-text">{toast.text}</span>
          {toast.undo && (
            <button
              type="button"
              class="link-button"
              onClick={() => {
                dismissToast(toast.id);
                void toast.undo!.run();
              }}
            >
              {toast.undo.label}
            </button>
          )}
          <button
            type="button"
            class="icon-button small"
            aria-label={t('dismiss')}
            onClick={() => dismissToast(toast.id)}
          >
            ×
          </button>
        </div>
      )}
    </div>
  );
}
