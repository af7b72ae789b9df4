/**
 * Comment cards beside their phrases, as Word shows comments in the margin: on a wide screen each
 * card of a section stands no higher than the phrase it is about, in the order of the phrases,
 * none over another. Whole-section threads and those whose phrase is gone keep the top. Laid out
 * again (once per frame at most) when the threads, the text or the sizes change; a phone keeps
 * the cards in a plain list under the text.
 */
import { onBeforeUnmount, onMounted, watch, type Ref, type WatchSource } from 'vue'

const WIDE = '(min-width: 861px)'

/** Where an element starts, relative to `root`'s top. */
const topWithin = (element: Element, root: Element) => element.getBoundingClientRect().top - root.getBoundingClientRect().top

export const useAlignedCards = (aside: Ref<HTMLElement | null>, changes: WatchSource[]) => {
  let frame = 0
  const layout = () => {
    frame = 0
    const root = aside.value
    if (!root) return
    const cards = [...root.querySelectorAll<HTMLElement>(':scope > [data-thread-card]')]
    for (const card of cards) {
      card.style.marginTop = ''
      card.style.order = ''
    }
    if (!window.matchMedia(WIDE).matches) return
    const text = root.closest('[data-section-id]')?.querySelector('.ProseMirror')
    if (!text) return
    const phraseOf = (card: HTMLElement) => text.querySelector(`[data-thread-id="${CSS.escape(card.dataset.threadCard ?? '')}"]`)
    // In the order of their phrases in the text; the ones without a phrase first, as they were.
    const placed = cards
      .map((card, at) => ({ card, at, phrase: phraseOf(card) }))
      .sort((a, b) => (a.phrase && b.phrase ? (a.phrase.compareDocumentPosition(b.phrase) & Node.DOCUMENT_POSITION_FOLLOWING ? -1 : 1) : a.phrase ? 1 : b.phrase ? -1 : a.at - b.at))
    placed.forEach(({ card }, rank) => (card.style.order = String(rank + 1)))
    // One read of every place, then the writes (no layout forced per card): each card is pushed
    // down, never up, by what it needs beyond what the cards before it were pushed.
    const tops = placed.map(({ card, phrase }) => ({ card, natural: topWithin(card, root), wanted: phrase ? topWithin(phrase, root) : null }))
    let pushed = 0
    for (const { card, natural, wanted } of tops) {
      const lower = wanted === null ? 0 : wanted - (natural + pushed)
      if (lower > 0) {
        card.style.marginTop = `${lower}px`
        pushed += lower
      }
    }
  }
  const schedule = () => {
    if (frame === 0) frame = requestAnimationFrame(layout)
  }
  let resized: ResizeObserver | null = null
  onMounted(() => {
    resized = new ResizeObserver(schedule)
    const section = aside.value?.closest('[data-section-id]')
    const text = section?.querySelector('.ProseMirror')
    if (text) resized.observe(text)
    if (aside.value) resized.observe(aside.value)
    window.addEventListener('resize', schedule)
    schedule()
  })
  watch(changes, schedule, { flush: 'post' })
  onBeforeUnmount(() => {
    resized?.disconnect()
    window.removeEventListener('resize', schedule)
    if (frame !== 0) cancelAnimationFrame(frame)
  })
}
