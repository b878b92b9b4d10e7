import { useEffect, useState } from 'preact/hooks';
import { useStore } from '../ui/stores/use-store.ts';
import type { DialogProps, DialogSwitch } from './DialogSwitch.tsx';

interface DialogModule {
  DialogSwitch: typeof DialogSwitch;
}
let loaded: DialogModule | null = null;
const load = (): Promise<DialogModule> => import('./DialogSwitch.tsx').then((module) => (loaded = module));

/**
 * The dialogs are loaded apart from the popup's first paint (they are most of its code and none is needed to
 * show a list), fetched once the list is up, so opening one is still instant.
 */
export function DialogHost(props: DialogProps) {
  const { dialog } = useStore(props.ui);
  const [module, setModule] = useState<DialogModule | null>(loaded);
  useEffect(() => {
    if (module) return;
    const timer = setTimeout(() => void load().then(setModule), dialog ? 0 : 500);
    return () => clearTimeout(timer);
  }, [dialog !== null, module]);
  if (!dialog || !module) return null;
  return <module.DialogSwitch {...props} />;
}
