/**
 * Sends a picked file straight to storage with the presigned PUT the API handed out (S3 in AWS,
 * the local store under `npm start`: the same code path). XMLHttpRequest rather than fetch, because
 * only XHR reports upload progress. The headers bound into the signature are sent exactly.
 */
import type { UploadTarget } from './dossiers-api';

export class UploadError extends Error {
  override readonly name = 'UploadError';
  constructor(
    readonly status: number,
    readonly aborted = false,
  ) {
    super(aborted ? 'upload aborted' : `upload failed (${status})`);
  }
}

export function putFile(target: UploadTarget, file: Blob, onProgress: (fraction: number) => void, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open(target.method, target.url);
    const headers = { ...target.headers };
    if (!Object.keys(headers).some((h) => h.toLowerCase() === 'content-type') && file.type) headers['content-type'] = file.type;
    for (const [name, value] of Object.entries(headers)) xhr.setRequestHeader(name, value);
    xhr.upload.addEventListener('progress', (event) => {
      if (event.lengthComputable && event.total > 0) onProgress(Math.min(1, event.loaded / event.total));
    });
    xhr.addEventListener('load', () => {
      if (xhr.status >= 200 && xhr.status < 300) {
        onProgress(1);
        resolve();
      } else reject(new UploadError(xhr.status));
    });
    xhr.addEventListener('error', () => reject(new UploadError(0)));
    xhr.addEventListener('abort', () => reject(new UploadError(0, true)));
    xhr.addEventListener('timeout', () => reject(new UploadError(0)));
    signal?.addEventListener('abort', () => xhr.abort(), { once: true });
    xhr.send(file);
  });
}
