// Uploads a file with the real tus-js-client, as the web app does, and prints the upload URL.
//
//   node tus-upload.mjs ENDPOINT TOKEN FILE [CHUNK_BYTES]
//
// Exit code 0 and `{"url": ...}` on stdout when the upload finished; 1 and the error otherwise.
import fs from 'node:fs';
import path from 'node:path';
import * as tus from 'tus-js-client';

const [endpoint, token, file, chunk] = process.argv.slice(2);
const size = fs.statSync(file).size;

const upload = new tus.Upload(fs.createReadStream(file), {
  endpoint,
  uploadSize: size,
  chunkSize: chunk ? Number(chunk) : Infinity,
  retryDelays: [0, 200, 500, 1000],
  headers: { Authorization: `Bearer ${token}` },
  metadata: { filename: path.basename(file), title: 'Uploaded by tus-js-client', filetype: 'video/mp4' },
  onError(error) {
    console.error(`upload failed: ${error}`);
    process.exit(1);
  },
  onSuccess() {
    console.log(JSON.stringify({ url: upload.url }));
  },
});
upload.start();
