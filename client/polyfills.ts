/**
 * What the browsers of government offices lack and the page uses: 360 and 奇安信 run Chromium 86,
 * 麒麟 and 统信 ship Firefox ESR, both without Array.prototype.at and findLast (Tiptap's editor calls
 * findLast on every change of selection). The build lowers newer syntax to them (vite.config.ts);
 * these add the methods, where missing, before anything else runs. Intl.Segmenter, also missing
 * there, is not polyfilled: the one use (shared/diffParagraphs.ts) falls back to characters.
 */
import 'core-js/actual/array/at'
import 'core-js/actual/array/find-last'
import 'core-js/actual/array/find-last-index'
import 'core-js/actual/string/at'
import 'core-js/actual/object/has-own'
