// What the portal creates and converts (FileUtility): the internal format of each file type, the
// name a new file gets (FileStorageService.CreateNewFileAsync: "Name.txt" → "Name.docx", an
// extension the portal does not create → "name.xyz.docx"), which formats must or may be converted,
// and the bytes of a document the sandbox has to make up. Those are minimal but valid files (an
// OOXML package any office suite opens, a one-page PDF): there is no document server to render
// the real conversion, so the converted content says where it came from instead.
import { FileType } from './enums.ts';
import { extensionOf, fileTypeOf } from './file-kinds.ts';
import { buildZip } from './operations/zip.ts';

/** FileUtility.InternalExtension. */
export const INTERNAL_EXTENSION: Readonly<Partial<Record<FileType, string>>> = {
  [FileType.Document]: '.docx',
  [FileType.Spreadsheet]: '.xlsx',
  [FileType.Presentation]: '.pptx',
  [FileType.Pdf]: '.pdf',
};

/** files:extsMustConvert (the formats converted to their internal one on request). */
export const MUST_CONVERT = ['.doc', '.xls', '.ppt', '.odt', '.ods', '.odp', '.rtf'];

/**
 * files:extsConvertible: target formats per source format. HTML and MHT convert to the text formats (Document
 * Server's conversion matrix; DocSpace's copyas takes them, checkconversion does not: they are not must-convert).
 */
export const CONVERTIBLE: Readonly<Record<string, readonly string[]>> = {
  '.html': ['.docx', '.odt', '.pdf', '.rtf', '.txt'],
  '.htm': ['.docx', '.odt', '.pdf', '.rtf', '.txt'],
  '.mht': ['.docx', '.odt', '.pdf', '.rtf', '.txt'],
  '.doc': ['.docx', '.pdf', '.odt', '.txt'],
  '.docx': ['.pdf', '.odt', '.txt', '.rtf'],
  '.odt': ['.docx', '.pdf', '.txt'],
  '.rtf': ['.docx', '.pdf', '.odt', '.txt'],
  '.txt': ['.docx', '.pdf', '.odt'],
  '.xls': ['.xlsx', '.pdf', '.ods', '.csv'],
  '.xlsx': ['.pdf', '.ods', '.csv'],
  '.ods': ['.xlsx', '.pdf', '.csv'],
  '.csv': ['.xlsx', '.pdf', '.ods'],
  '.ppt': ['.pptx', '.pdf', '.odp'],
  '.pptx': ['.pdf', '.odp'],
  '.odp': ['.pptx', '.pdf'],
};

/** "Name" + ".docx" → the last extension replaced (FileUtility.ReplaceFileExtension). */
export function replaceExtension(title: string, ext: string): string {
  const dot = extensionOf(title) ? title.lastIndexOf('.') : -1;
  const dotted = ext.startsWith('.') ? ext : `.${ext}`;
  return `${dot > 0 ? title.slice(0, dot) : title}${dotted}`;
}

/** The title a new document gets (CreateNewFileAsync without enableExternalExt). */
export function newFileTitle(title: string, enableExternalExt = false): string {
  const ext = extensionOf(title);
  if (enableExternalExt || ext === '.pdf') return title;
  const internal = INTERNAL_EXTENSION[fileTypeOf(title)];
  if (!ext || !internal) return `${title}${INTERNAL_EXTENSION[FileType.Document]}`;
  return replaceExtension(title, internal);
}

/**
 * What a conversion keeps of a source the sandbox can read: an HTML page's text (tags dropped, entities of the
 * kind the extension writes decoded), so a test can tell the document holds what was saved.
 */
export function convertedText(sourceTitle: string, source: Uint8Array): string | undefined {
  if (!['.html', '.htm'].includes(extensionOf(sourceTitle))) return undefined;
  return Buffer.from(source)
    .toString('utf8')
    .replace(/<(script|style|head)[\s\S]*?<\/\1>/gi, ' ')
    .replace(/<[^>]*>/g, ' ')
    .replace(/&#(\d+);/g, (_, code: string) => String.fromCodePoint(Number(code)))
    .replace(/&amp;/g, '&')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/\s+/g, ' ')
    .trim();
}

export function canConvert(from: string, to: string): boolean {
  return CONVERTIBLE[from.toLowerCase()]?.includes(to.toLowerCase()) ?? false;
}

const xml = (body: string) => `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n${body}`;
const escapeXml = (text: string) => text.replace(/[<>&"']/g, (c) => `&#${c.charCodeAt(0)};`);

function ooxml(parts: Record<string, string>, modified: Date): Buffer {
  return buildZip(Object.entries(parts).map(([path, text]) => ({ path, data: Buffer.from(text, 'utf8'), modified })));
}

const RELS_NS = 'http://schemas.openxmlformats.org/package/2006/relationships';
const OFFICE_DOC = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument';

function docx(text: string, modified: Date): Buffer {
  return ooxml(
    {
      '[Content_Types].xml': xml(
        '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>',
      ),
      '_rels/.rels': xml(
        `<Relationships xmlns="${RELS_NS}"><Relationship Id="rId1" Type="${OFFICE_DOC}" Target="word/document.xml"/></Relationships>`,
      ),
      'word/document.xml': xml(
        `<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t xml:space="preserve">${escapeXml(text)}</w:t></w:r></w:p></w:body></w:document>`,
      ),
    },
    modified,
  );
}

function xlsx(text: string, modified: Date): Buffer {
  return ooxml(
    {
      '[Content_Types].xml': xml(
        '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>',
      ),
      '_rels/.rels': xml(
        `<Relationships xmlns="${RELS_NS}"><Relationship Id="rId1" Type="${OFFICE_DOC}" Target="xl/workbook.xml"/></Relationships>`,
      ),
      'xl/workbook.xml': xml(
        '<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Sheet1" sheetId="1" r:id="rId1"/></sheets></workbook>',
      ),
      'xl/_rels/workbook.xml.rels': xml(
        `<Relationships xmlns="${RELS_NS}"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>`,
      ),
      'xl/worksheets/sheet1.xml': xml(
        `<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>${escapeXml(text)}</t></is></c></row></sheetData></worksheet>`,
      ),
    },
    modified,
  );
}

function pptx(text: string, modified: Date): Buffer {
  const p = 'http://schemas.openxmlformats.org/presentationml/2006/main';
  return ooxml(
    {
      '[Content_Types].xml': xml(
        '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/ppt/presentation.xml" ContentType="application/vnd.openxmlformats-officedocument.presentationml.presentation.main+xml"/></Types>',
      ),
      '_rels/.rels': xml(
        `<Relationships xmlns="${RELS_NS}"><Relationship Id="rId1" Type="${OFFICE_DOC}" Target="ppt/presentation.xml"/></Relationships>`,
      ),
      'ppt/presentation.xml': xml(
        `<p:presentation xmlns:p="${p}"><p:sldSz cx="9144000" cy="6858000"/><p:notesSz cx="6858000" cy="9144000"/></p:presentation>`,
      ),
      'docProps/sandbox.txt': text,
    },
    modified,
  );
}

/** A one-page PDF showing one line of text, with a correct cross-reference table. */
export function minimalPdf(text: string): Buffer {
  const safe = text.replace(/[()\\]/g, '\\$&').replace(/[^\x20-\x7e]/g, '?');
  const stream = `BT /F1 14 Tf 72 720 Td (${safe}) Tj ET`;
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>',
    `<< /Length ${stream.length} >>\nstream\n${stream}\nendstream`,
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
  ];
  let out = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((body, i) => {
    offsets.push(out.length);
    out += `${i + 1} 0 obj\n${body}\nendobj\n`;
  });
  const xref = out.length;
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const at of offsets) out += `${String(at).padStart(10, '0')} 00000 n \n`;
  out += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(out, 'latin1');
}

/** The bytes of a document with this title and a line of text: a real file of its format. */
export function documentBytes(title: string, text: string, modified = new Date()): Buffer {
  switch (extensionOf(title)) {
    case '.docx':
      return docx(text, modified);
    case '.xlsx':
      return xlsx(text, modified);
    case '.pptx':
      return pptx(text, modified);
    case '.pdf':
      return minimalPdf(text);
    case '.html':
      return Buffer.from(`<!doctype html><html><body><p>${escapeXml(text)}</p></body></html>\n`, 'utf8');
    default:
      return Buffer.from(`${text}\n`, 'utf8');
  }
}
