/**
 * 审阅意见汇总表: every comment thread of a summary — where, on which words, what was asked, by
 * whom and when, the replies, and whether it was resolved — as an .xlsx the office files with
 * the final summary to show how the leaders' remarks were handled. In outline order, oldest
 * first within a section; threads of deleted sections last.
 */
import type * as Y from 'yjs'
import { formatChinaTime } from '../../shared/chinaDay.js'
import { readThreads, threadWords } from '../../shared/doc/comments.js'
import { readMeta, readOutline } from '../../shared/doc/outline.js'
import { numberOutline } from '../../shared/numbering.js'
import { fileNameOf } from './exportSummary.js'
import { writeTableSheet } from './tableSheet.js'

export const commentSheetName = (doc: Y.Doc): string => `${fileNameOf(readMeta(doc).title)}审阅意见汇总表.xlsx`

export const writeCommentSheet = (doc: Y.Doc, departmentName: (id: string) => string): Promise<Uint8Array<ArrayBuffer>> => {
  const outline = readOutline(doc)
  const numbers = numberOutline(outline)
  const sections = new Map(outline.map((entry, index) => [entry.id, { index, entry, name: entry.lead ? `导语：${entry.title}` : `${numbers[index]}${entry.title}` }]))
  const place = (sectionId: string) => sections.get(sectionId)?.index ?? outline.length
  const threads = readThreads(doc).sort((a, b) => place(a.sectionId) - place(b.sectionId) || a.createdAt - b.createdAt)
  return writeTableSheet({
    name: '审阅意见汇总表',
    title: `${readMeta(doc).title}审阅意见汇总表`,
    columns: [
      { header: '序号', width: 6, centred: true },
      { header: '章节', width: 28 },
      { header: '撰写部门', width: 12 },
      { header: '原文', width: 28 },
      { header: '意见', width: 36 },
      { header: '提出人', width: 10 },
      { header: '提出时间', width: 17 },
      { header: '回复', width: 40 },
      { header: '处理情况', width: 14, centred: true },
    ],
    rows: threads.map((thread, index) => {
      const section = sections.get(thread.sectionId)
      return [
        index + 1,
        section?.name ?? '（已删除的章节）',
        section ? departmentName(section.entry.departmentId) : '',
        thread.wholeSection ? '（针对本节）' : thread.quote,
        threadWords(thread),
        thread.authorName,
        formatChinaTime(thread.createdAt),
        thread.replies.map((reply) => `${reply.authorName}（${formatChinaTime(reply.createdAt)}）：${reply.text}`).join('\n'),
        thread.resolved ? `${thread.acceptedBy ? '已采纳' : '已解决'}${thread.resolvedBy ? `（${thread.resolvedBy}）` : ''}` : '未解决', // resolvedBy holds the name
      ]
    }),
  })
}
