// Files from content and conversions: html/text files, the extension rule on create, copyas,
// saveaspdf and checkconversion (start, poll, result), with real bytes in the new files.
import { describe, expect, it } from 'vitest';
import { DEMO_FILES, DEMO_FOLDERS, DEMO_SECTIONS } from '../../sandbox/server.ts';
import { newFileTitle } from '../../sandbox/file-formats.ts';
import { useApiSandbox } from './api-client.ts';
import { multipartBody } from './multipart-client.ts';

const t = useApiSandbox();
const my = DEMO_SECTIONS.my.id;

describe('create from content', () => {
  it('text and html files with their content; text that looks like markup becomes .html', async () => {
    const text = await t.response('POST', `/api/2.0/files/${my}/text`, {
      body: { title: 'Notes', content: 'plain words' },
    });
    expect(text).toMatchObject({ title: 'Notes.txt', fileExst: '.txt', folderId: my });
    const bytes = await t.call('GET', `/filehandler.ashx?action=download&fileid=${text.id}`, { headers: null });
    expect(bytes.text).toBe('plain words');
    const guessed = await t.response('POST', '/api/2.0/files/@my/text', {
      body: { title: 'Page', content: '<p class="x">hi</p>' },
    });
    expect(guessed.title).toBe('Page.html');
    const html = await t.response('POST', `/api/2.0/files/${DEMO_FOLDERS.q1}/html`, {
      body: { title: 'Report.html', content: '<h1>R</h1>' },
    });
    expect(html.title).toBe('Report.html');
    // A same-named file gets a new version unless createNewIfExist.
    const again = await t.response('POST', `/api/2.0/files/${my}/text`, { body: { title: 'Notes', content: 'v2' } });
    expect(again).toMatchObject({ id: text.id, version: 2 });
    const copy = await t.response('POST', `/api/2.0/files/${my}/text`, {
      body: { title: 'Notes', content: 'v3', createNewIfExist: true },
    });
    expect(copy.title).toBe('Notes (1).txt');
  });

  it('blank title: 400; the Rooms section: 403', async () => {
    const blank = await t.call('POST', `/api/2.0/files/${my}/text`, { body: { title: '   ', content: 'x' } });
    expect(blank.status).toBe(400);
    expect(blank.json.error.type).toBe('System.ArgumentException');
    const rooms = await t.call('POST', `/api/2.0/files/${DEMO_SECTIONS.rooms.id}/html`, {
      body: { title: 'x', content: 'x' },
    });
    expect(rooms.status).toBe(403);
  });

  it('creating a file maps the extension as CreateNewFileAsync does', async () => {
    expect(newFileTitle('Name.txt')).toBe('Name.docx');
    expect(newFileTitle('name.xyz')).toBe('name.xyz.docx');
    expect(newFileTitle('Sheet.csv')).toBe('Sheet.xlsx');
    expect(newFileTitle('Form.pdf')).toBe('Form.pdf');
    expect(newFileTitle('name.xyz', true)).toBe('name.xyz');
    const created = await t.response('POST', `/api/2.0/files/${my}/file`, { body: { title: 'Minutes.txt' } });
    expect(created.title).toBe('Minutes.docx');
    const odd = await t.response('POST', '/api/2.0/files/@my/file', { body: { title: 'photo.png' } });
    expect(odd.title).toBe('photo.png.docx');
    // The bytes are a real OOXML package (a ZIP with the document part).
    const docx = await t.call('GET', `/filehandler.ashx?action=download&fileid=${created.id}`, { headers: null });
    expect(docx.bytes.subarray(0, 2).toString('latin1')).toBe('PK');
    expect(docx.bytes.includes(Buffer.from('word/document.xml'))).toBe(true);
  });
});

describe('conversions', () => {
  async function uploadLegacy(title: string): Promise<number> {
    const form = multipartBody([{ name: 'file', filename: title, data: Buffer.from('legacy bytes') }]);
    const res = await t.response('POST', `/api/2.0/files/${my}/upload`, {
      raw: form.body,
      contentType: form.contentType,
    });
    return res[0].id as number;
  }

  it('checkconversion: PUT starts, GET polls until progress 100 with the converted file', async () => {
    t.sandbox.tuning.conversionMs = 150;
    const id = await uploadLegacy('Old minutes.doc');
    const started = await t.call('PUT', `/api/2.0/files/file/${id}/checkconversion`, { body: {} });
    expect(started.status).toBe(200);
    expect(started.json.response).toEqual([
      expect.objectContaining({
        Operation: 6,
        processed: '',
        error: '',
        source: expect.stringContaining(`"id":${id}`),
      }),
    ]);
    expect(started.json.response[0].progress).toBeLessThan(100);
    await new Promise((resolve) => setTimeout(resolve, 200));
    const done = await t.response('GET', `/api/2.0/files/file/${id}/checkconversion`);
    expect(done[0]).toMatchObject({
      progress: 100,
      processed: '1',
      result: { title: 'Old minutes.docx', folderId: my },
    });
    expect(done[0].result.comment).toBe('Converted from Old minutes.doc');
    // Only the formats that must be converted: a .docx is refused.
    const refused = await t.call('PUT', `/api/2.0/files/file/${DEMO_FILES.q1LaunchPlan}/checkconversion`, { body: {} });
    expect(refused.status).toBe(400);
    expect(refused.json.error.message).toBe("Sorry, this file format isn't supported");
  });

  it('copyas: same format copies the bytes, another format converts, unsupported is 400', async () => {
    const same = await t.response('POST', `/api/2.0/files/file/${DEMO_FILES.q1Budget}/copyas`, {
      body: { destTitle: 'Budget copy.xlsx', destFolderId: my },
    });
    expect(same).toMatchObject({ title: 'Budget copy.xlsx', folderId: my, pureContentLength: 31_744 });
    const pdf = await t.response('POST', `/api/2.0/files/file/${DEMO_FILES.q1Budget}/copyas`, {
      body: { destTitle: 'Budget.pdf', destFolderId: my },
    });
    expect(pdf).toMatchObject({ title: 'Budget.pdf', fileType: 10 });
    const bytes = await t.call('GET', `/filehandler.ashx?action=download&fileid=${pdf.id}`, { headers: null });
    expect(bytes.bytes.subarray(0, 8).toString('latin1')).toBe('%PDF-1.4');
    const bad = await t.call('POST', `/api/2.0/files/file/${DEMO_FILES.q1Budget}/copyas`, {
      body: { destTitle: 'Budget.pptx', destFolderId: my },
    });
    expect(bad.status).toBe(400);
  });

  it('saveaspdf: "{title}.pdf" in the given folder', async () => {
    const res = await t.response('POST', `/api/2.0/files/file/${DEMO_FILES.q1LaunchPlan}/saveaspdf`, {
      body: { folderId: my, title: 'Launch plan' },
    });
    expect(res).toMatchObject({ title: 'Launch plan.pdf', folderId: my, comment: 'Created' });
    const untitled = await t.response('POST', `/api/2.0/files/file/${DEMO_FILES.q1LaunchPlan}/saveaspdf`, {
      body: { folderId: my },
    });
    expect(untitled.title).toBe('Q1 launch plan.pdf');
  });
});
