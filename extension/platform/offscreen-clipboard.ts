// Chrome's offscreen document for the background's clipboard: a service worker has none. An offscreen document
// is never focused, so navigator.clipboard may refuse; a selected textarea and execCommand copy there (Chrome's
// own offscreen clipboard sample), and navigator.clipboard is the second try.
import { OFFSCREEN_COPY, type OffscreenCopy } from './offscreen-message.ts';

type Reply = (answer: { copied: boolean; detail?: string }) => void;
const runtime = (globalThis as unknown as { chrome: { runtime: { onMessage: { addListener(l: unknown): void } } } })
  .chrome.runtime;

async function copy(text: string): Promise<{ copied: boolean; detail?: string }> {
  const area = document.getElementById('text') as HTMLTextAreaElement;
  area.value = text;
  area.focus();
  area.select();
  const byCommand = document.execCommand('copy');
  area.value = '';
  if (byCommand) return { copied: true };
  try {
    await navigator.clipboard.writeText(text);
    return { copied: true };
  } catch (error) {
    return { copied: false, detail: String(error) };
  }
}

runtime.onMessage.addListener((message: Partial<OffscreenCopy>, _sender: unknown, reply: Reply) => {
  if (message?.type !== OFFSCREEN_COPY || typeof message.text !== 'string') return false;
  void copy(message.text).then(reply);
  return true;
});
