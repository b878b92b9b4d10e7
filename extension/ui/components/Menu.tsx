import type { ComponentChildren } from 'preact';
import { useRef, useState } from 'preact/hooks';
import { LazyMenuList } from './LazyMenuList.tsx';

export interface MenuItem {
  id: string;
  label: string;
  /** Shown at the end of the item (a key like F2). */
  hint?: string | undefined;
  danger?: boolean | undefined;
  checked?: boolean | undefined;
  run(): void;
}

interface Props {
  /** The button's accessible name. */
  label: string;
  /** What the button shows (an icon, a word). */
  children: ComponentChildren;
  items: () => MenuItem[];
  class?: string;
  buttonClass?: string;
}

/** A menu button; focus returns to it when the menu closes with Escape or runs an item. */
export function Menu({ label, children, items, class: className, buttonClass }: Props) {
  const [list, setList] = useState<MenuItem[] | null>(null);
  const button = useRef<HTMLButtonElement>(null);
  const show = () => {
    const next = items();
    if (next.length > 0) setList(next);
  };
  const hide = (refocus: boolean) => {
    setList(null);
    if (refocus) button.current?.focus();
  };
  return (
    <div class={className ? `menu-host ${className}` : 'menu-host'}>
      <button
        ref={button}
        type="button"
        class={buttonClass ?? 'icon-button'}
        aria-label={label}
        title={label}
        aria-haspopup="menu"
        aria-expanded={list !== null}
        onClick={() => (list ? hide(false) : show())}
        onKeyDown={(event) => {
          if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
            event.preventDefault();
            show();
          }
        }}
      >
        {children}
      </button>
      {list && <LazyMenuList label={label} items={list} onClose={hide} ignore={button.current} />}
    </div>
  );
}
