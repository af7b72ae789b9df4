/** PATCH /api/summaries/:id `official`, validated (the form itself: ../officialForm.ts). */
import { z } from 'zod'
import { normaliseDocumentNumber } from '../officialForm.js'

const line = (max: number) => z.string().trim().max(max).refine((text) => !/[\r\n]/.test(text), { error: '只能写一行' })

/** PATCH /api/summaries/:id `official`: each field a line of its own; `''` clears it. */
export const officialFormSchema = z.strictObject({
  // The colon is the export's: 县委、县政府 and 县委、县政府： both print once as 县委、县政府：.
  addressee: line(100).transform((text) => text.replace(/[：:]+$/, '').trim()).optional(),
  issuer: line(40).optional(),
  number: line(40).transform(normaliseDocumentNumber).optional(),
  signer: line(20).optional(),
  // The export ends the list with 。; separators other than ， become ，.
  copyTo: line(300).transform((text) => text.replace(/[。.;；,，\s]+$/, '').replace(/\s*[;；,]\s*/g, '，')).optional(),
  printedBy: line(60).optional(),
  // The brackets are the export's: （联系人：王某某） and 联系人：王某某 both print once in brackets.
  note: line(100).transform((text) => text.replace(/^[（(]\s*/, '').replace(/\s*[）)]$/, '')).optional(),
})
