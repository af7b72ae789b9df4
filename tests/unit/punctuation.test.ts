import { describe, expect, it } from 'vitest'
import { describeSlip, FIGURE_MARK, findPunctuationSlips } from '../../shared/punctuation.js'
import { describeWordingSlip, findWordingSlips } from '../../shared/wording.js'

/** The text with every punctuation slip corrected (what “一键修正” does to a paragraph). */
const fixPunctuation = (text: string): string => {
  let fixed = ''
  let from = 0
  for (const slip of findPunctuationSlips(text)) {
    fixed += text.slice(from, slip.index) + slip.fix
    from = slip.index + slip.found.length
  }
  return fixed + text.slice(from)
}

describe('punctuation slips in Chinese text', () => {
  it('turns half-width marks next to Chinese into full-width ones', () => {
    expect(fixPunctuation('全年新签项目20个,同比增长15%.下一步:加强招商;完善服务!是否完成?')).toBe(
      '全年新签项目20个，同比增长15%。下一步：加强招商；完善服务！是否完成？',
    )
  })

  it('leaves numbers, times, addresses and English alone', () => {
    for (const text of ['共3,000人，5.2亿元', '8:30开会', '网址www.gov.cn', 'Hello, world. (1) ok', '1.加强组织领导', '增长1.5个百分点'])
      expect(findPunctuationSlips(text)).toEqual([])
  })

  it('fixes parentheses and quotes around Chinese, not around English', () => {
    expect(fixPunctuation('(一)完成"十四五"规划目标(含下属单位)，园区(2026)')).toBe('（一）完成“十四五”规划目标（含下属单位），园区（2026）')
    expect(fixPunctuation('see (page 2) and "ok"')).toBe('see (page 2) and "ok"')
  })

  it('removes doubled marks and spaces between Chinese characters, and writes ellipses as ……', () => {
    expect(fixPunctuation('招商引资，，成效显著。。园区 全年　工作等...以及。。。')).toBe('招商引资，成效显著。园区全年工作等……以及……')
  })

  it('counts a figure as Chinese, so the mark after it is caught too', () => {
    expect(fixPunctuation(`协议资金${FIGURE_MARK},同比${FIGURE_MARK}.`)).toBe(`协议资金${FIGURE_MARK}，同比${FIGURE_MARK}。`)
  })

  it('gives each slip its place and a readable description', () => {
    const slips = findPunctuationSlips('园区,全年  工作，，完成')
    expect(slips).toEqual([
      { index: 2, found: ',', fix: '，' },
      { index: 5, found: '  ', fix: '' },
      { index: 9, found: '，，', fix: '，' },
    ])
    expect(slips.map(describeSlip)).toEqual(['“,”应为“，”', '汉字间多余的空格', '重复的“，”'])
  })

  it('writes full-width digits half-width, percentages and decimals included', () => {
    expect(fixPunctuation('２０２６年完成投资５．２亿元，增长１５％。')).toBe('2026年完成投资5.2亿元，增长15%。')
    expect(findPunctuationSlips('新签项目１８个').map(describeSlip)).toEqual(['全角数字“１８”应为“18”'])
  })

  it('numbers a paragraph 1. where it was numbered 1、 by hand, and leaves 1、2月份 inside a sentence', () => {
    expect(fixPunctuation('1、加快平台建设。\n12、完善制度。')).toBe('1.加快平台建设。\n12.完善制度。')
    expect(findPunctuationSlips('全年1、2月份开工3个，2026、2027年持续推进。')).toEqual([])
    expect(findPunctuationSlips('1、2月份完成投资3亿元。')).toEqual([])
    expect(findPunctuationSlips('3、优化服务。').map(describeSlip)).toEqual(['序号“3、”应为“3.”'])
  })
})

describe('ranges of numbers', () => {
  it('joins a span of time with 一字线 and a range of values with 浪纹线, as GB/T 15834 does', () => {
    expect(fixPunctuation('1-11月完成投资，2026-2027学年招聘3-5名教师，第1-3季度增长10%-15%，3~5年内投入1.5-2亿元，12月3-5日检查')).toBe(
      '1—11月完成投资，2026—2027学年招聘3～5名教师，第1—3季度增长10%～15%，3～5年内投入1.5～2亿元，12月3—5日检查',
    )
    expect(findPunctuationSlips('招聘3-5名').map(describeSlip)).toEqual(['数值范围“3-5”应为“3～5”'])
    expect(findPunctuationSlips('1-11月').map(describeSlip)).toEqual(['时间范围“1-11”应为“1—11”'])
  })

  it('leaves numbers that are not ranges: standards, dates, times, codes, tables, addresses, phone numbers', () => {
    for (const text of ['按GB/T 9704-2012规定', '2026-12-01召开', '8:00-12:00办公', 'A3-5地块', '如表3-1所示', '见附件1-2', '3-5号楼', '12-19路建设', '电话0851-12345678', '5-3名', '1—11月', '3～5名'])
      expect(findPunctuationSlips(text), text).toEqual([])
  })
})

describe('describing punctuation slips', () => {
  it('names the marks, never the words between them', () => {
    expect(findPunctuationSlips('开展"精准招商"(围绕主导产业)等...').map(describeSlip)).toEqual(['直引号""应为“”', '半角括号()应为（）', '省略号应为“……”'])
  })
})

describe('paired marks', () => {
  it('finds a quotation mark, bracket or 书名号 left open or closed without opening, line by line', () => {
    const slips = findPunctuationSlips('开展“精准招商活动，学习《条例。\n完成任务）。（含下属单位）')
    expect(slips.map(describeSlip)).toEqual(['引号“…”没有结束', '书名号《…》没有结束', '多出的后括号）'])
    // Nothing to fix by itself: the writer closes it.
    expect(slips.every(({ found, fix }) => found === fix)).toBe(true)
    for (const text of ['开展“精准招商”活动（含“以商招商”）', '学习《中华人民共和国安全生产法》', '（一）招商引资']) expect(findPunctuationSlips(text)).toEqual([])
  })
})

describe('misused words', () => {
  it('finds the words an official text must not print, with their correction', () => {
    expect(findWordingSlips('截止目前，工作布署到位，台帐齐全，再接再励；截止11月底完成。二0二六年').map(({ found, fix }) => `${found}→${fix}`)).toEqual([
      '截止目前→截至目前',
      '布署→部署',
      '台帐→台账',
      '再接再励→再接再厉',
      '截止→截至',
      '0→〇',
    ])
    expect(describeWordingSlip({ index: 0, found: '布署', fix: '部署' })).toBe('“布署”应为“部署”')
  })

  it('finds points numbered 一是、二是… out of turn, each run from its own 一是', () => {
    const slips = findWordingSlips('加强管理。一是健全制度；二是强化督查；四是严格考核；五是注重实效。\n一是抓学习，二是抓落实，二是抓队伍。')
    expect(slips.map(({ found, fix }) => `${found}→${fix}`)).toEqual(['四是→三是', '五是→四是', '二是→三是'])
    expect(describeWordingSlip(slips[0]!)).toBe('“四是”应为“三是”（序号不连续）')
    // In turn, inside a word, or a run that does not start at 一是: nothing to say.
    for (const text of ['一是健全制度；二是强化督查；三是严格考核。', '唯一是我们的优势，统一是前提', '二是强化督查；四是严格考核。'])
      expect(findWordingSlips(text)).toEqual([])
  })

  it('quotes the numbered abbreviations of policy where they stand bare, and leaves quoted ones and numbers alone', () => {
    const slips = findWordingSlips('谋划十五五发展，落实三会一课制度，增强四个意识；融入一带一路。')
    expect(slips.map(({ found, fix }) => `${found}→${fix}`)).toEqual(['十五五→“十五五”', '三会一课→“三会一课”', '四个意识→“四个意识”', '一带一路→“一带一路”'])
    expect(describeWordingSlip(slips[0]!)).toBe('十五五应加引号')
    for (const text of [
      '编制“十五五”规划，落实“三会一课”制度',
      '学习“坚持三会一课制度”的要求', // inside a quotation already
      '印发《十四五规划纲要》', // a title is quoted as it was issued
      '"十五五"规划', // straight quotes: the punctuation check turns them into “”
      '共走访十四五家企业，二十四五人参加', // fourteen or fifteen, twenty-four or -five
    ])
      expect(findWordingSlips(text), text).toEqual([])
    // A quotation closed earlier on the line does not cover what follows it.
    expect(findWordingSlips('落实“三会一课”，谋划十五五').map((slip) => slip.found)).toEqual(['十五五'])
  })

  it('quotes the two-character abbreviations only where they can mean nothing else', () => {
    const slips = findWordingSlips('持续纠治四风，做好六稳六保，落实双碳目标，抓好三农工作，压减三公经费，加强两新组织党建。')
    expect(slips.map(({ found, fix }) => `${found}→${fix}`)).toEqual(['四风→“四风”', '六稳→“六稳”', '六保→“六保”', '双碳→“双碳”', '三农→“三农”', '三公→“三公”', '两新→“两新”'])
    expect(describeWordingSlip(slips[0]!)).toBe('四风应加引号')
    for (const text of [
      '纠治“四风”，落实“双碳”目标',
      '防范四风险，新建四风机，投运四风电场', // other words
      '走访三农户，步行三公里，新建两新区', // 三农, 三公, 两新 before something else
      '位于第四风区，另有二十四风区', // after 第 or a numeral
    ])
      expect(findWordingSlips(text), text).toEqual([])
  })

  it('leaves words that are right where they stand', () => {
    for (const text of ['申报截止日期为12月10日', '预防犯罪', '既使企业受益，又方便群众', '按排名先后', '2026年完成100个', '一〇八'])
      expect(findWordingSlips(text)).toEqual([])
  })
})
