import { useEffect, useRef } from 'preact/hooks';
import { Icon } from '../ui/components/Icon.tsx';
import { usePlatform } from '../ui/platform-context.ts';

/** Filters the list as you type and searches the portal after a pause; "/" anywhere comes here. */
export function SearchBox({ value, scope, onChange }: { value: string; scope: string; onChange(value: string): void }) {
  const { t } = usePlatform();
  const input = useRef<HTMLInputElement>(null);
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      const target = event.target as HTMLElement;
      if (event.key !== '/' || target.closest('input, textarea, select, [contenteditable]')) return;
      event.preventDefault();
      input.current?.focus();
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, []);
  return (
    <div class="search" role="search">
      <Icon name="search" size={16} />
      <input
        ref={input}
        type="search"
        value={value}
        aria-label={t('searchLabel', scope)}
        placeholder={t('searchPlaceholder', scope)}
        maxLength={200}
        onInput={(event) => onChange(event.currentTarget.value)}
        onKeyDown={(event) => {
          if (event.key === 'Escape' && value !== '') {
            event.preventDefault();
            event.stopPropagation();
            onChange('');
          }
          if (event.key === 'ArrowDown') {
            event.preventDefault();
            document.querySelector<HTMLElement>('.row-link[tabindex="0"]')?.focus();
          }
        }}
      />
    </div>
  );
}
