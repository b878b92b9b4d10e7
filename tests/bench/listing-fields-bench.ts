// What `fields=` saves: the bytes of one 100-entry listing of the sandbox's 180-image folder, whole and with the
// fields the extension asks for (LISTING_FIELDS), and the ratio. The sandbox prunes as DocSpace's
// DynamicIgnoreConverter does; on a real portal the DTOs are the same shape.
import { LISTING_FIELDS } from '../../src/docspace/dto.ts';
import { startSandbox } from '../sandbox/server.ts';

const ASSETS = 204;
const sandbox = await startSandbox({ port: 0 });
try {
  const size = async (query: string) => {
    const response = await fetch(`${sandbox.url}/api/2.0/files/${ASSETS}?count=100${query}`, {
      headers: { Authorization: `Bearer ${sandbox.demo.apiKey}` },
    });
    return (await response.arrayBuffer()).byteLength;
  };
  const whole = await size('');
  const asked = await size(`&fields=${encodeURIComponent(LISTING_FIELDS)}`);
  console.log(`one listing of 100 files: whole ${whole} B, with fields= ${asked} B`);
  console.log(
    JSON.stringify({ wholeBytes: whole, fieldsBytes: asked, ratio: Math.round((asked / whole) * 100) / 100 }),
  );
} finally {
  await sandbox.close();
}
