/**
 * A link to a part of a page (/admin#users) lands there once the page has what it loads. Cards
 * below the target may still be loading their own lists, and until they have, the page is too
 * short to bring the target to the top: the scroll stops short and stays there. So the target is
 * brought up again as the page grows, for a few seconds, until the reader scrolls or clicks.
 */
const SETTLE_MS = 3000

export const landOnHash = (hash: string): void => {
  const target = hash ? document.querySelector(hash) : null
  if (!target) return
  target.scrollIntoView()
  const observer = new ResizeObserver(() => target.scrollIntoView())
  observer.observe(document.body)
  const events = ['wheel', 'touchstart', 'keydown', 'pointerdown'] as const
  const stop = () => {
    observer.disconnect()
    clearTimeout(timer)
    for (const name of events) window.removeEventListener(name, stop)
  }
  const timer = setTimeout(stop, SETTLE_MS)
  for (const name of events) window.addEventListener(name, stop, { once: true, passive: true })
}
