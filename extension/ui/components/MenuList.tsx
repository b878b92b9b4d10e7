import { useEffect, useRef } from 'preact/hooks';
import type { MenuItem } from './Menu.tsx';

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
