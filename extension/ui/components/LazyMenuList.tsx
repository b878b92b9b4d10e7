import { lazyComponent } from './lazy-component.tsx';

/** A menu's open list: loaded the first time a menu opens, so no menu is part of the popup's first paint. */
export const LazyMenuList = lazyComponent(() => import('./MenuList.tsx').then((module) => module.MenuList));
