/**
 * Counts 字数 the way Word and WPS do for Chinese text: every CJK character and every full-width
 * punctuation mark counts one; a run of Latin letters or digits (a word or a number such as
 * 4.8 or 2026) counts one; spaces and half-width punctuation count nothing.
 */
const CJK = /[\u3000-\u303f\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff00-\uffef\u2018-\u201d\u2026\u2014]/gu
const WORD = /[A-Za-z0-9\u00c0-\u024f]+(?:[.'’-][A-Za-z0-9\u00c0-\u024f]+)*/g

export const countWords = (text: string): number => {
  const cjk = text.match(CJK)?.length ?? 0
  const words = text.replace(CJK, ' ').match(WORD)?.length ?? 0
  return cjk + words
}
