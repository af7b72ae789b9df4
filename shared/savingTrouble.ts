/**
 * While the server cannot save a summary's changes (disk full, database down), it says so in the
 * summary's awareness under its own client id: a state with `saving` and no `user`. Every
 * client's state carries the `user` the server stamped on it, so no client can forge this one.
 * The state goes away once the changes waiting for the store are saved.
 */

export interface SavingTrouble {
  /** When the first save failed (epoch ms). */
  since: number
}

export const savingTroubleState = (trouble: SavingTrouble) => ({ saving: { failing: true, since: trouble.since } })

/** The server's notice among a page's awareness states; `ownClientId`: the page's own state, never the server's. */
export const readSavingTrouble = (states: ReadonlyMap<number, Record<string, unknown>>, ownClientId: number): SavingTrouble | null => {
  for (const [clientId, state] of states) {
    if (clientId === ownClientId || state.user !== undefined) continue
    const saving = state.saving as { failing?: unknown; since?: unknown } | undefined
    if (saving?.failing === true && typeof saving.since === 'number') return { since: saving.since }
  }
  return null
}
