/**
 * Injected into the page (scripting.executeScript with `func`): must be self-contained, it is serialised. The
 * selected ranges as HTML with their markup kept, links and images made absolute so the saved document still
 * points where the page pointed; scripts and event handlers are dropped. Null when nothing is selected.
 */
export function selectionHtml(): string | null {
  const selection = window.getSelection();
  if (!selection || selection.rangeCount === 0 || selection.isCollapsed) return null;
  const box = document.createElement('div');
  for (let i = 0; i < selection.rangeCount; i++) box.appendChild(selection.getRangeAt(i).cloneContents());
  for (const el of Array.from(box.querySelectorAll('script, iframe, object, embed, noscript'))) el.remove();
  for (const el of Array.from(box.querySelectorAll('*'))) {
    for (const attr of Array.from(el.attributes)) {
      const name = attr.name.toLowerCase();
      if (name.startsWith('on')) el.removeAttribute(attr.name);
      else if ((name === 'href' || name === 'src') && attr.value) {
        try {
          const url = new URL(attr.value, document.baseURI);
          if (url.protocol === 'javascript:') el.removeAttribute(attr.name);
          else el.setAttribute(attr.name, url.href);
        } catch {
          el.removeAttribute(attr.name);
        }
      } else if (name === 'srcset') el.removeAttribute(attr.name);
    }
  }
  return box.innerHTML;
}
