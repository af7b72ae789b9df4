/**
 * A part of the page loaded when first opened (the summary page's dialogs and panels): “正在打开…”
 * if it takes a moment (a slow network, a phone), and a message with 关闭 if its code cannot be
 * downloaded, never nothing at all.
 */
import { defineAsyncComponent, type Component } from 'vue'
import PartLoadFailed from './components/PartLoadFailed.vue'
import PartLoading from './components/PartLoading.vue'

export const lazyPart = (loader: () => Promise<Component>) => defineAsyncComponent({ loader, loadingComponent: PartLoading, errorComponent: PartLoadFailed, delay: 200 })
