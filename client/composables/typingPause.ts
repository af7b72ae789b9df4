/**
 * What a section shows about its text (字数, the checks, what 一键修正 would fix) is read again
 * once the typing pauses for SETTLE_MS: it need not follow every key. While colleagues keep
 * typing in the section without such a pause, it is read at least every MAX_WAIT_MS.
 */
import { createDebouncer } from 'lib0/eventloop'

const SETTLE_MS = 300
const MAX_WAIT_MS = 1500

/** Call it with a function to run it after the next pause; with null to drop what waits. */
export const createTypingPause = () => createDebouncer(SETTLE_MS, MAX_WAIT_MS)
