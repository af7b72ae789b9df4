/**
 * Sentences carried over word for word from last year's summary (照搬上年): a summary continued
 * from an earlier one (`basedOn`) starts empty, and writers copy from 查看上年这一节. A copied
 * sentence is often right to keep (a standing arrangement), often stale (last year's numbers,
 * last year's 今年), so it is shown to check, never refused. Short stock phrases (取得了显著成效)
 * recur every year in every office and are not counted, nor are sentences holding a live figure
 * (read with FIGURE_MARK): they print this year's values, and the seeded sentences of a template
 * read alike every year.
 */
import { FIGURE_MARK } from './punctuation.js'


/** Sentences shorter than this many characters (after spaces are dropped) are not compared. */
export const MIN_SENTENCE_LENGTH = 15

/** The sentences of a text (figures as FIGURE_MARK), spaces dropped, long enough to compare, without figures. */
export const sentencesOf = (text: string): string[] =>
  text
    .replace(/[。！？；!?;]/gu, '$&\n')
    .split('\n')
    .map((sentence) => sentence.replace(/[\s\u3000]+/gu, ''))
    .filter((sentence) => sentence.length >= MIN_SENTENCE_LENGTH && !sentence.includes(FIGURE_MARK))

/** The sentences of `text` that `earlier` holds as they are. */
export const findRepeatedSentences = (text: string, earlier: ReadonlySet<string>): string[] => sentencesOf(text).filter((sentence) => earlier.has(sentence))
