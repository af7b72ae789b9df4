/**
 * Ctrl+S, pressed out of Word and WPS habit, would open the browser's “save page as”: the page
 * says instead, for a few seconds, that there is nothing to save by hand — or, while the text
 * cannot reach the server, where it is kept.
 */
import { onScopeDispose, ref, type Ref } from 'vue'
import type { ConnectionStatus } from './useSummaryDoc.js'

const SHOWN_MS = 4000

export const useSaveHint = (status: Ref<ConnectionStatus>, stopped: Ref<boolean>, savingFails: Ref<boolean>) => {
  const hint = ref('')
  let timer: ReturnType<typeof setTimeout> | undefined
  const explain = () => {
    hint.value =
      status.value !== 'connected' || stopped.value
        ? '当前未连接服务器：修改已保存在本浏览器中，恢复连接后自动同步'
        : savingFails.value
          ? '服务器暂时无法保存：修改已保存在本浏览器中，恢复后自动保存'
          : '汇总自动保存：每次输入都实时保存到服务器，无需按 Ctrl+S'
    clearTimeout(timer)
    timer = setTimeout(() => (hint.value = ''), SHOWN_MS)
  }
  onScopeDispose(() => clearTimeout(timer))
  return { hint, explain }
}
