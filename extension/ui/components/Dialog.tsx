import { useEffect, useRef } from 'preact/hooks';
import type { ComponentChildren } from 'preact';

/**
 * A modal dialog on the native <dialog>: the browser traps focus inside and closes it on Escape; focus goes
 * back to where it was when it closes.
 */
export function Dialog({
  title,
  onClose,
  children,
}: {
  title: string;
  onClose: () => void;
  children: ComponentChildren;
}) {
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const opener = document.activeElement as HTMLElement | null;
    const dialog = ref.current;
    if (dialog && !dialog.open) {
      if (typeof dialog.showModal === 'function') dialog.showModal();
      else dialog.setAttribute('open', '');
    }
    requestAnimationFrame(() =>
      dialog?.querySelector<HTMLElement>('[autofocus], input, select, textarea, button')?.focus(),
    );
    return () => {
      // Everything outside a modal dialog is inert while it is open, so it must be closed before the focus can
      // go back (an unmount alone leaves it open for this moment).
      if (dialog?.open) dialog.close();
      opener?.focus();
    };
  }, []);
  return (
    <dialog
      ref={ref}
      class="dialog"
      aria-labelledby="dialog-title"
      onCancel={(event) => {
        event.preventDefault();
        onClose();
      }}
    >
      <h2 id="dialog-title" class="dialog-title">
        {title}
      </h2>
      {children}
    </dialog>
  );
}
