/**
 * The browser tab's title names the page (and, on a summary, which one): an office keeps the
 * summary, its 进度 and 系统管理 open side by side, and a screen reader reads the title when a
 * page changes. WCAG 2.4.2 (GB/T 37668) asks for it.
 */
import { toValue, watchEffect, type MaybeRefOrGetter } from 'vue'

const APP = '汇总'

export const usePageTitle = (title: MaybeRefOrGetter<string | null | undefined>): void => {
  watchEffect(() => {
    const named = toValue(title)
    document.title = named ? `${named} - ${APP}` : APP
  })
}
