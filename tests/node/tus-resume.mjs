// Uploads a file with the real tus-js-client in two halves on two servers, as a phone does when
// its connection drops and its next request lands on another replica: the first chunk goes to
// ENDPOINT, the upload is stopped, and tus-js-client resumes it at OTHER_ORIGIN (it asks that
// server for the offset with HEAD and sends the rest).
//
//   node tus-resume.mjs ENDPOINT OTHER_ORIGIN TOKEN FILE CHUNK_BYTES
//
// Exit code 0 and `{"url": ..., "stopped_at": ...}` on stdout when the upload finished on the
// other server; 1 and the error otherwise.
import fs from 'node:fs';
import path from 'node:path';
import * as tus from 'tus-js-client';

const [endpoint, otherOrigin, token, file, chunk] = process.argv.slice(2);
const size = fs.statSync(file).size;
const chunkSize = Number(chunk);
const options = {
  uploadSize: size,
  chunkSize,
  retryDelays: [0, 200, 500, 1000],
  headers: { Authorization: `Bearer ${token}` },
  metadata: { filename: path.basename(file), filetype: 'video/mp4' },
};

function fail(error) {
  console.error(`upload failed: ${error}`);
  process.exit(1);
}

// The first chunk, then stop.
const url = await new Promise((resolve) => {
  const first = new tus.Upload(fs.readFileSync(file), {
    ...options,
    endpoint,
    onError: fail,
    onChunkComplete() {
      first.abort().then(() => resolve(first.url), fail);
    },
    onSuccess() {
      fail('the file fit in one chunk; nothing was left to resume');
    },
  });
  first.start();
});

// The rest, from the other server.
const resumed = new URL(new URL(url).pathname, otherOrigin).toString();
const second = new tus.Upload(fs.readFileSync(file), {
  ...options,
  uploadUrl: resumed,
  onError: fail,
  onSuccess() {
    console.log(JSON.stringify({ url: resumed, stopped_at: chunkSize }));
  },
});
second.start();
