/**
 * Injected into the page (scripting.executeScript with `func`, serialised: self-contained). A single-file HTML
 * snapshot of what the page shows, written here (the well-known savers are AGPL): the current DOM with every
 * readable stylesheet inlined as <style>, images inlined as data: URLs (a canvas for the ones the page may read,
 * else a fetch, else the absolute address is kept), links made absolute, and no script, event handler, frame or
 * javascript: URL left. Where the browser has page capture (Chrome) the MHTML snapshot is used instead.
 */
export async function pageSnapshot(): Promise<string> {
  const MAX_IMAGE_BYTES = 5 * 1024 * 1024;
  const absolute = (value: string): string | null => {
    try {
      const url = new URL(value, document.baseURI);
      return url.protocol === 'javascript:' ? null : url.href;
    } catch {
      return null;
    }
  };
  const asDataUrl = (blob: Blob): Promise<string> =>
    new Promise((resolve, reject) => {
      const reader = new FileReader();
      reader.onload = () => resolve(String(reader.result));
      reader.onerror = () => reject(reader.error);
      reader.readAsDataURL(blob);
    });
  const imageData = async (img: HTMLImageElement): Promise<string | null> => {
    const src = img.currentSrc || img.src;
    if (!src || src.startsWith('data:')) return src || null;
    try {
      const response = await fetch(src, { credentials: 'include' });
      if (response.ok) {
        const blob = await response.blob();
        if (blob.size <= MAX_IMAGE_BYTES) return await asDataUrl(blob);
      }
    } catch {
      // Cross-origin without CORS: try the pixels the page already has.
    }
    try {
      if (!img.complete || img.naturalWidth === 0) return null;
      const canvas = document.createElement('canvas');
      canvas.width = img.naturalWidth;
      canvas.height = img.naturalHeight;
      canvas.getContext('2d')?.drawImage(img, 0, 0);
      return canvas.toDataURL('image/png');
    } catch {
      return null;
    }
  };

  const originals = Array.from(document.images);
  const inlined = await Promise.all(originals.map(imageData));
  const styles: string[] = [];
  for (const sheet of Array.from(document.styleSheets)) {
    try {
      styles.push(
        Array.from(sheet.cssRules)
          .map((rule) => rule.cssText)
          .join('\n'),
      );
    } catch {
      // A cross-origin sheet cannot be read: it stays a link to its absolute address.
      if (sheet.href) styles.push(`@import url("${sheet.href.replace(/"/g, '%22')}");`);
    }
  }

  const root = document.documentElement.cloneNode(true) as HTMLElement;
  const images = Array.from(root.querySelectorAll('img'));
  images.forEach((img, i) => {
    const data = inlined[i];
    img.removeAttribute('srcset');
    img.removeAttribute('loading');
    if (data) img.setAttribute('src', data);
    else {
      const src = absolute(img.getAttribute('src') ?? '');
      if (src) img.setAttribute('src', src);
    }
  });
  for (const el of Array.from(
    root.querySelectorAll('script, noscript, iframe, frame, object, embed, link[rel~="stylesheet"], style, base'),
  ))
    el.remove();
  for (const el of Array.from(root.querySelectorAll('*'))) {
    for (const attr of Array.from(el.attributes)) {
      const name = attr.name.toLowerCase();
      if (name.startsWith('on')) el.removeAttribute(attr.name);
      else if ((name === 'href' || name === 'action') && attr.value) {
        const url = absolute(attr.value);
        if (url) el.setAttribute(attr.name, url);
        else el.removeAttribute(attr.name);
      } else if (name === 'src' && el.tagName !== 'IMG' && attr.value) {
        const url = absolute(attr.value);
        if (url) el.setAttribute(attr.name, url);
        else el.removeAttribute(attr.name);
      }
    }
  }
  for (const input of Array.from(root.querySelectorAll('input'))) {
    // Passwords are never written into a snapshot.
    if (input.type === 'password') input.removeAttribute('value');
  }
  const head = root.querySelector('head') ?? root.insertBefore(document.createElement('head'), root.firstChild);
  const meta = document.createElement('meta');
  meta.setAttribute('charset', 'utf-8');
  head.insertBefore(meta, head.firstChild);
  const style = document.createElement('style');
  style.textContent = styles.join('\n');
  head.appendChild(style);
  const source = `<!-- Saved from ${location.href.replace(/--/g, '%2D%2D')} on ${new Date().toISOString()} -->`;
  return `<!DOCTYPE html>\n${source}\n${root.outerHTML}`;
}
