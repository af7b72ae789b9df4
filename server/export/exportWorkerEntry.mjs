// A worker thread does not inherit tsx's loader from the process that starts it: this entry
// loads the TypeScript worker through tsx's own API, the same way under `npm start` and tests.
import { tsImport } from 'tsx/esm/api'

await tsImport('./exportWorker.ts', import.meta.url)
