/**
 * Follows the current summary doc (it is replaced after a 4403 reset): calls `subscribe` for
 * each doc, which starts observing and returns how to stop; stops on change and on dispose.
 */
import { onScopeDispose, watch, type Ref } from 'vue'

export const useDocObserver = <T>(source: Ref<T | null>, subscribe: (current: T) => () => void): void => {
  let stop = () => {}
  watch(
    source,
    (current) => {
      stop()
      stop = current ? subscribe(current) : () => {}
    },
    { immediate: true },
  )
  onScopeDispose(() => stop())
}
