import { describe, expect, it } from 'vitest'
import { FIGURE_MARK } from '../../shared/punctuation.js'
import { findRepeatedSentences, sentencesOf } from '../../shared/repeatedText.js'

describe('sentences carried over from last year', () => {
  it('splits into sentences, drops spaces, and skips stock phrases and sentences with live figures', () => {
    expect(sentencesOf(`取得了显著成效。全年组织开展 招商推介活动12场，成效明显；新签项目${FIGURE_MARK}个，同比增长明显。\n以商招商、驻点招商多措并举推进`)).toEqual([
      '全年组织开展招商推介活动12场，成效明显；',
      '以商招商、驻点招商多措并举推进',
    ])
  })

  it('finds the sentences last year’s summary holds as they are', () => {
    const earlier = new Set(sentencesOf('全年组织开展招商推介活动12场，成效明显。园区道路新建改建15公里以上。'))
    expect(findRepeatedSentences('全年组织开展招商推介活动12场，成效明显。园区道路新建改建18公里以上。', earlier)).toEqual(['全年组织开展招商推介活动12场，成效明显。'])
  })
})
