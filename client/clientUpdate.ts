/**
 * Whether this page runs an older build of the client than the server now hands out (汇总 was
 * updated while the page stayed open, as writers' pages do for days). Every API answer names the
 * served build's entry script (X-Huizong-Client); the page compares it with the one it loaded.
 */
import { ref } from 'vue'
import { CLIENT_BUILD_HEADER } from '../shared/clientBuild.js'

/** The entry script this page loaded, as index.html named it; none under the dev server's own page. */
const loadedEntry = document.querySelector<HTMLScriptElement>('script[type="module"][src^="/assets/"]')?.getAttribute('src') ?? null

export const clientOutdated = ref(false)

/** Called with every API answer. */
export const noticeServedBuild = (response: Response): void => {
  const served = response.headers.get(CLIENT_BUILD_HEADER)
  if (served && loadedEntry && served !== loadedEntry) clientOutdated.value = true
}

/** Asks now, for a page that may make no API call for long: after its connection came back (a restart, perhaps for an update). */
export const checkServedBuild = (): void =>
  void fetch('/api/me', { credentials: 'same-origin' }).then(noticeServedBuild, () => undefined)
