import type { NextFunction, Request, Response } from 'express';
import multer from 'multer';
import { credentialOf } from '../access/request-auth';
import { MAX_FILES_PER_UPLOAD, type IncomingFile } from '../requests/attachments.service';
import { MAX_ATTACHMENT_BYTES, utf8Name } from '../requests/domain/attachment-policy';

/** The form field that carries files on the portal's upload forms. */
export const FILES_FIELD = 'files';

const parse = multer({
  storage: multer.memoryStorage(),
  // One byte over the limit is enough to tell "too large" (the service says so, per field).
  limits: {
    fileSize: MAX_ATTACHMENT_BYTES + 1,
    files: MAX_FILES_PER_UPLOAD,
    fields: 50,
    fieldSize: 100_000,
  },
}).array(FILES_FIELD, MAX_FILES_PER_UPLOAD);

type UploadLocals = { uploadProblem?: 'attachment-too-many' | 'attachment-too-large' };

/**
 * Parses the portal's multipart forms (files in memory, at most MAX_FILES_PER_UPLOAD of at most
 * 20 MB) for visitors with a session. Runs before the CSRF check, which reads `_csrf` from the
 * parsed fields; other bodies pass through. A limit exceeded becomes a field problem of the
 * form, not an error page.
 */
export function pageUploads(req: Request, res: Response, next: NextFunction): void {
  // Nobody without a session may make the server buffer files: the form then fails its CSRF
  // check (403) without its body read.
  if (!credentialOf(req)) return next();
  parse(req, res, (err?: unknown) => {
    if (err instanceof multer.MulterError) {
      (res.locals as UploadLocals).uploadProblem =
        err.code === 'LIMIT_FILE_SIZE' ? 'attachment-too-large' : 'attachment-too-many';
      req.files = [];
      return next();
    }
    next(err as Error | undefined);
  });
}

/** The files a form posted (empty file inputs left out), or the limit it broke. */
export function postedFiles(
  req: Request,
  res: Response,
): { files: IncomingFile[]; problem: UploadLocals['uploadProblem'] } {
  const files = (Array.isArray(req.files) ? req.files : [])
    .filter((f) => f.size > 0 || f.originalname !== '')
    .map((f) => ({ originalname: utf8Name(f.originalname), buffer: f.buffer, size: f.size }));
  return { files, problem: (res.locals as UploadLocals).uploadProblem };
}
