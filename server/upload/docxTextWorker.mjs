// The raw text of a .docx, read by mammoth in a worker thread (docxText.ts): unpacking and
// parsing a long Word file takes 50–150 ms, which on the event loop every co-writer would feel.
// Automatic numbers (一、 as a Word list) are written out first: mammoth's raw text leaves them out.
// Plain JavaScript, so the thread starts without loading TypeScript.
import { parentPort, workerData } from 'node:worker_threads'
import mammoth from 'mammoth'
import { numbersAsText } from './numbersAsText.mjs'

mammoth.extractRawText({ buffer: Buffer.from(numbersAsText(new Uint8Array(workerData))) }).then(
  (result) => parentPort.postMessage({ text: result.value }),
  () => parentPort.postMessage({ text: null }),
)
