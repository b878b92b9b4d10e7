// Chrome's offscreen document for the background's clipboard: a service worker has none, and an offscreen
// document is never focused, so navigator.clipboard refuses; a selected textarea and execCommand still copy.
import { OFFSCREEN_COPY, type OffscreenCopy } from './offscreen-message.ts';

type Reply = (answer: { copied: boolean }) => void;
const runtime = (globalThis as unknown as { chrome: { runtime: { onMessage: { addListener(l: unknown): void } } } })
  .chrome.runtime;

runtime.onMessage.addListener((message: Partial<OffscreenCopy>, _sender: unknown, reply: Reply) => {
  if (message?.type !== OFFSCREEN_COPY || typeof message.text !== 'string') return false;
  const area = document.getElementById('text') as HTMLTextAreaElement;
  area.value = message.text;
  area.select();
  reply({ copied: document.execCommand('copy') });
  area.value = '';
  return false;
});
