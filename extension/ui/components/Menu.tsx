import { useEffect, useRef, useState } from 'preact/hooks';
import type { ComponentChildren } from 'preact';

export interface MenuItem {
  id: string;
  label: string;
  /** Shown at the end of the item (a key like F2). */
  hint?: string | undefined;
  danger?: boolean | undefined;
  checked?: boolean | undefined;
  run(): void;
}

/**
 * The open list of a menu: arrows move, Home/End jump, Enter runs, Escape or Tab (or a click elsewhere)
 * closes. Focus goes to the first item when it opens.
 */
export function MenuList(props: {
  label: string;
  items: MenuItem[];
  onClose(refocus: boolean): void;
  class?: string;
  style?: Record<string, string>;
  ignore?: HTMLElement | null;
}) {
  const menu = useRef<HTMLDivElement>(null);
  useEffect(() => {
    requestAnimationFrame(() => menu.current?.querySelector<HTMLButtonElement>('[role^="menuitem"]')?.focus());
    const outside = (event: MouseEvent) => {
      const target = event.target as Node;
      if (!menu.current?.contains(target) && !props.ignore?.contains(target)) props.onClose(false);
    };
    document.addEventListener('mousedown', outside);
    return () => document.removeEventListener('mousedown', outside);
  }, []);
  const onKeyDown = (event: KeyboardEvent) => {
    const buttons = [...(menu.current?.querySelectorAll<HTMLButtonElement>('[role^="menuitem"]') ?? [])];
    const at = buttons.indexOf(document.activeElement as HTMLButtonElement);
    const move = (to: number) => buttons[(to + buttons.length) % buttons.length]?.focus();
    if (event.key === 'ArrowDown') move(at + 1);
    else if (event.key === 'ArrowUp') move(at - 1);
    else if (event.key === 'Home') move(0);
    else if (event.key === 'End') move(buttons.length - 1);
    else if (event.key === 'Escape' || event.key === 'Tab') props.onClose(event.key === 'Escape');
    else return;
    event.preventDefault();
    event.stopPropagation();
  };
  return (
    <div
      ref={menu}
      class={props.class ? `menu ${props.class}` : 'menu'}
      style={props.style}
      role="menu"
      aria-label={props.label}
      onKeyDown={onKeyDown}
    >
      {props.items.map((item) => (
        <button
          key={item.id}
          type="button"
          role={item.checked === undefined ? 'menuitem' : 'menuitemradio'}
          aria-checked={item.checked}
          tabIndex={-1}
          class={item.danger ? 'menu-item danger' : 'menu-item'}
          data-action={item.id}
          onClick={() => {
            props.onClose(true);
            item.run();
          }}
        >
          <span>{item.label}</span>
          {item.hint && <kbd>{item.hint}</kbd>}
        </button>
      ))}
    </div>
  );
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
      {list && <MenuList label={label} items={list} onClose={hide} ignore={button.current} />}
    </div>
  );
}
