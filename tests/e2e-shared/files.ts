// Files a shared test hands to a page as if the user picked or dropped them. The bytes are made inside the page
// from a seed (a few MB never cross the automation protocol) by the same formula Node uses to check them.

export interface TestFile {
  name: string;
  size: number;
  seed: number;
}

export interface PutFiles {
  files: TestFile[];
  /** pick: the files of an <input type=file> (change event); drop: a drag and drop onto the element. */
  how: 'pick' | 'drop';
  /** A drop's other data by type (what a web page's link, image or selected text carries). */
  data?: Record<string, string>;
}

export function testBytes(size: number, seed: number): Uint8Array {
  const out = new Uint8Array(size);
  for (let i = 0; i < size; i++) out[i] = (i * 31 + seed * 17 + (i >> 8)) & 0xff;
  return out;
}

/** Runs in the page (serialised by the driver): self-contained, no imports, no helpers. */
export function putFilesInPage(element: Element, input: PutFiles): void {
  const transfer = new DataTransfer();
  for (const spec of input.files) {
    const bytes = new Uint8Array(spec.size);
    for (let i = 0; i < spec.size; i++) bytes[i] = (i * 31 + spec.seed * 17 + (i >> 8)) & 0xff;
    transfer.items.add(new File([bytes], spec.name, { type: 'application/octet-stream' }));
  }
  for (const [type, value] of Object.entries(input.data ?? {})) transfer.setData(type, value);
  if (input.how === 'pick') {
    (element as HTMLInputElement).files = transfer.files;
    element.dispatchEvent(new Event('change', { bubbles: true }));
    return;
  }
  for (const type of ['dragenter', 'dragover', 'drop'])
    element.dispatchEvent(new DragEvent(type, { bubbles: true, cancelable: true, dataTransfer: transfer }));
}
