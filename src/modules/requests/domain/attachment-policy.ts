/** Attachments: at most 20 MB, and only document and image types recognised by content. */
export const MAX_ATTACHMENT_BYTES = 20 * 1024 * 1024;

const SIGNATURES: Array<{ type: string; ext: string; test: (b: Uint8Array) => boolean }> = [
  { type: 'application/pdf', ext: 'pdf', test: (b) => ascii(b, 0, '%PDF-') },
  { type: 'image/png', ext: 'png', test: (b) => b[0] === 0x89 && ascii(b, 1, 'PNG') },
  { type: 'image/jpeg', ext: 'jpg', test: (b) => b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff },
  { type: 'image/tiff', ext: 'tif', test: (b) => ascii(b, 0, 'II*\0') || ascii(b, 0, 'MM\0*') },
  // Office Open XML (docx, xlsx) are ZIP containers.
  { type: 'application/zip', ext: 'zip', test: (b) => ascii(b, 0, 'PK\u0003\u0004') },
];

function ascii(b: Uint8Array, at: number, s: string): boolean {
  for (let i = 0; i < s.length; i++) if (b[at + i] !== s.charCodeAt(i)) return false;
  return true;
}

/** The content type recognised from the bytes themselves (never trusted from the client), or null. */
export function sniffContentType(
  content: Uint8Array,
  declaredName: string,
): { type: string; ext: string } | null {
  const hit = SIGNATURES.find((s) => s.test(content));
  if (!hit) return null;
  if (hit.type === 'application/zip') {
    const ext = declaredName.toLowerCase().split('.').pop();
    if (ext === 'docx')
      return {
        type: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
        ext,
      };
    if (ext === 'xlsx')
      return { type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', ext };
    return null;
  }
  return { type: hit.type, ext: hit.ext };
}

/** A display name without paths, control characters or reserved characters; never empty. */
export function safeFilename(name: string, ext: string): string {
  const base = name.split(/[\\/]/).pop() ?? '';
  const printable = [...base.normalize('NFC')]
    .filter((ch) => ch.charCodeAt(0) >= 0x20 && ch.charCodeAt(0) !== 0x7f)
    .join('');
  const cleaned = printable
    .replace(/[<>:"|?*]/g, '')
    .replace(/^\.+/, '')
    .trim()
    .slice(0, 120);
  const stem = cleaned.replace(/\.[^.]*$/, '') || 'file';
  return `${stem}.${ext}`;
}

/** multer decodes multipart file names as latin1; browsers send UTF-8. */
export function utf8Name(name: string): string {
  if ([...name].some((ch) => ch.charCodeAt(0) > 0xff)) return name;
  const decoded = Buffer.from(name, 'latin1').toString('utf8');
  return decoded.includes('\uFFFD') ? name : decoded;
}
