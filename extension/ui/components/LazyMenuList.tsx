import type { ComponentProps } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import type { MenuList as MenuListType } from './MenuList.tsx';

type List = typeof MenuListType;
let loaded: List | null = null;

/**
 * A menu's open list, whose code loads the first time a menu opens (a few milliseconds, from the extension
 * itself): no menu is part of the popup's first paint, which has a budget (scripts/build.mjs).
 */
export function LazyMenuList(props: ComponentProps<List>) {
  const [List, setList] = useState<List | null>(() => loaded);
  useEffect(() => {
    if (List) return;
    let live = true;
    void import('./MenuList.tsx').then((module) => {
      loaded = module.MenuList;
      if (live) setList(() => module.MenuList);
    });
    return () => void (live = false);
  }, []);
  return List ? <List {...props} /> : null;
}
