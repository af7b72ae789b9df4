/**
 * @部门 or @姓名 in a comment box: after an @ the departments and people whose names start with
 * what follows are offered; picking one (click, or Enter/Tab on the first) completes the name, so the mention is
 * spelled as the server recognises it.
 */
import { computed, nextTick, ref, type Ref } from 'vue'

const AT_CARET = /[@＠]([^\s@＠，。；！？,.;!?]*)$/

export const useMentionSuggest = (text: Ref<string>, field: Ref<HTMLInputElement | HTMLTextAreaElement | null>, names: () => readonly string[]) => {
  const caret = ref(0)
  const typed = computed(() => AT_CARET.exec(text.value.slice(0, caret.value))?.[1] ?? null)
  const suggestions = computed(() => (typed.value === null ? [] : names().filter((name) => name.startsWith(typed.value!) && name !== typed.value).slice(0, 8)))

  const track = () => (caret.value = field.value?.selectionStart ?? text.value.length)

  const pick = async (name: string) => {
    const before = text.value.slice(0, caret.value).replace(AT_CARET, (match) => `${match[0]}${name} `)
    text.value = before + text.value.slice(caret.value)
    caret.value = before.length
    await nextTick()
    field.value?.focus()
    field.value?.setSelectionRange(before.length, before.length)
  }

  /** Enter or Tab takes the first suggestion while any is shown (and then does nothing else). */
  const handleKey = (event: KeyboardEvent): void => {
    const first = suggestions.value[0]
    if (!first || (event.key !== 'Enter' && event.key !== 'Tab') || event.isComposing) return
    event.preventDefault()
    void pick(first)
  }

  return { suggestions, track, pick, handleKey }
}
