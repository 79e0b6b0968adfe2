/**
 * Which evidence files the action plan accepts, decided from the file's name AND its first
 * bytes: a file called report.pdf that is not a PDF is refused. The type we serve it with is
 * ours (from this table), never the one the browser sent.
 */

/** Largest evidence file: 10 MB (the app's upload limit). */
export const MAX_EVIDENCE_BYTES = 10 * 1024 * 1024;

type Signature = 'pdf' | 'png' | 'jpeg' | 'gif' | 'zip' | 'ole' | 'text';

interface FileKind {
  contentType: string;
  description: string;
  signature: Signature;
}

export const EVIDENCE_TYPES: Record<string, FileKind> = {
  pdf: { contentType: 'application/pdf', description: 'PDF', signature: 'pdf' },
  png: { contentType: 'image/png', description: 'PNG image', signature: 'png' },
  jpg: { contentType: 'image/jpeg', description: 'JPEG image', signature: 'jpeg' },
  jpeg: { contentType: 'image/jpeg', description: 'JPEG image', signature: 'jpeg' },
  gif: { contentType: 'image/gif', description: 'GIF image', signature: 'gif' },
  docx: { contentType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', description: 'Word document', signature: 'zip' },
  xlsx: { contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', description: 'Excel spreadsheet', signature: 'zip' },
  pptx: { contentType: 'application/vnd.openxmlformats-officedocument.presentationml.presentation', description: 'PowerPoint presentation', signature: 'zip' },
  odt: { contentType: 'application/vnd.oasis.opendocument.text', description: 'OpenDocument text', signature: 'zip' },
  ods: { contentType: 'application/vnd.oasis.opendocument.spreadsheet', description: 'OpenDocument spreadsheet', signature: 'zip' },
  doc: { contentType: 'application/msword', description: 'Word 97-2003 document', signature: 'ole' },
  xls: { contentType: 'application/vnd.ms-excel', description: 'Excel 97-2003 spreadsheet', signature: 'ole' },
  ppt: { contentType: 'application/vnd.ms-powerpoint', description: 'PowerPoint 97-2003 presentation', signature: 'ole' },
  csv: { contentType: 'text/csv; charset=utf-8', description: 'CSV file', signature: 'text' },
};

export const ACCEPTED_WORDS = 'a PDF, an image (PNG, JPEG or GIF), an Office document (Word, Excel, PowerPoint or OpenDocument) or a CSV file';

/** The `accept` attribute of the file input. */
export const ACCEPT_ATTRIBUTE = Object.keys(EVIDENCE_TYPES).map((e) => `.${e}`).join(',');

function startsWith(bytes: Uint8Array, prefix: readonly number[]): boolean {
  return bytes.length >= prefix.length && prefix.every((b, i) => bytes[i] === b);
}

function matches(signature: Signature, head: Uint8Array): boolean {
  switch (signature) {
    case 'pdf':
      return startsWith(head, [0x25, 0x50, 0x44, 0x46, 0x2d]); // %PDF-
    case 'png':
      return startsWith(head, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    case 'jpeg':
      return startsWith(head, [0xff, 0xd8, 0xff]);
    case 'gif':
      return startsWith(head, [0x47, 0x49, 0x46, 0x38]); // GIF8
    case 'zip':
      return startsWith(head, [0x50, 0x4b, 0x03, 0x04]);
    case 'ole':
      return startsWith(head, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
    case 'text':
      return isPlainText(head);
  }
}

/** UTF-8 text without NUL or other control characters than tab and line breaks. */
function isPlainText(bytes: Uint8Array): boolean {
  let text: string;
  try {
    // A multi-byte character cut at the end of the sample is not an error.
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes.length > 4 ? trimPartialUtf8(bytes) : bytes);
  } catch {
    return false;
  }
  return !/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/.test(text);
}

function trimPartialUtf8(bytes: Uint8Array): Uint8Array {
  let end = bytes.length;
  let back = 0;
  while (back < 4 && end > 0 && (bytes[end - 1]! & 0xc0) === 0x80) {
    end--;
    back++;
  }
  if (end > 0 && bytes[end - 1]! >= 0xc0) {
    const lead = bytes[end - 1]!;
    const need = lead >= 0xf0 ? 3 : lead >= 0xe0 ? 2 : 1;
    if (back < need) return bytes.subarray(0, end - 1);
  }
  return bytes;
}

export function extensionOf(fileName: string): string {
  const m = /\.([A-Za-z0-9]{1,5})$/.exec(fileName);
  return m ? m[1]!.toLowerCase() : '';
}

export type EvidenceCheck = { ok: true; kind: FileKind; fileName: string } | { ok: false; message: string };

/**
 * Checks a file by its name and first bytes (at least the first 4 KB for text). `size` is the
 * whole file's size in bytes.
 */
export function checkEvidenceFile(fileName: string, head: Uint8Array, size: number): EvidenceCheck {
  const name = safeFileName(fileName);
  if (size === 0) return { ok: false, message: 'The selected file is empty' };
  if (size > MAX_EVIDENCE_BYTES) return { ok: false, message: 'The selected file must be smaller than 10 MB' };
  const ext = extensionOf(name);
  const kind = Object.hasOwn(EVIDENCE_TYPES, ext) ? EVIDENCE_TYPES[ext]! : undefined;
  if (!kind) return { ok: false, message: `The selected file must be ${ACCEPTED_WORDS}` };
  if (!matches(kind.signature, head)) {
    return { ok: false, message: `The selected file is called “${name}” but is not a ${kind.description}. Check it opens, then upload it again` };
  }
  return { ok: true, kind, fileName: name };
}

/**
 * A file name safe to store and to send back in Content-Disposition: the last path part only,
 * no control characters or quotes, at most 150 characters (keeping the extension).
 */
export function safeFileName(raw: string): string {
  const base = raw.split(/[\\/]/).pop() ?? '';
  let name = base.replace(/[\u0000-\u001F\u007F"]/g, '').trim();
  if (name.length > 150) {
    const ext = extensionOf(name);
    name = `${name.slice(0, 140 - ext.length)}.${ext}`;
  }
  return name || 'evidence';
}

/** Content-Disposition for a download: an ASCII fallback and the UTF-8 name (RFC 6266). */
export function contentDisposition(fileName: string): string {
  const ascii = fileName.replace(/[^\x20-\x7E]/g, '_').replace(/[\\"%;]/g, '_');
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(fileName)}`;
}

export function formatBytes(n: number): string {
  if (n < 1024) return `${n} bytes`;
  if (n < 1024 * 1024) return `${Math.round(n / 1024)} KB`;
  return `${(n / (1024 * 1024)).toFixed(1)} MB`;
}
