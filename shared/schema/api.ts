/**
 * zod schemas of the HTTP API bodies (DESIGN.md "HTTP API"); the server validates with them.
 * Unknown fields are ignored (templates, by contrast, refuse them to catch typos).
 */
import { z } from 'zod'
import { parseChinaDay } from '../chinaDay.js'
import { PERIODS } from '../period.js'
import { DUE_DATE_FORMAT_MESSAGE } from '../deadline.js'
import { ROLES } from '../roles.js'
import { officialFormSchema } from './officialForm.js'
import { idSchema, indicatorDefinitionSchema } from './template.js'

export const loginBodySchema = z.object({
  username: z.string().trim().min(1).max(64),
  password: z.string().min(1).max(256),
})

export const departmentNameSchema = z.string().trim().min(1).max(50)
export const departmentBodySchema = z.object({ name: departmentNameSchema })

export const passwordSchema = z.string().min(8, { error: '密码至少 8 位' }).max(256)
export const usernameSchema = z.string().trim().regex(/^[A-Za-z0-9_.-]{2,32}$/, { error: '用户名只能包含字母、数字、_ . -（2–32 个字符）' })
export const displayNameSchema = z.string().trim().min(1).max(50)

export const userBodySchema = z.object({
  username: usernameSchema,
  password: passwordSchema,
  displayName: displayNameSchema,
  role: z.enum(ROLES),
  departmentId: z.string().min(1).max(64).nullish(),
})

/** PATCH /api/users/:id (admin): any of these; `password` sets a new one. */
export const userPatchSchema = z.object({
  displayName: z.string().trim().min(1).max(50).optional(),
  role: z.enum(ROLES).optional(),
  departmentId: z.string().min(1).max(64).nullable().optional(),
  password: passwordSchema.optional(),
  disabled: z.boolean().optional(),
})

/** POST /api/me/password: the user's own password change. */
export const passwordChangeSchema = z.object({
  currentPassword: z.string().min(1).max(256),
  newPassword: passwordSchema,
})

/** A real calendar day as `YYYY-MM-DD` (截止日期). */
const dueDateSchema = z.string().refine((text) => parseChinaDay(text) !== null, { error: DUE_DATE_FORMAT_MESSAGE })

export const summaryBodySchema = z.object({
  templateId: z.string().min(1).max(64),
  year: z.number().int().min(2000).max(2100),
  organisation: z.string().trim().min(1).max(100),
  title: z.string().trim().min(1).max(200).optional(),
  /** An earlier summary whose outline and figures (as 上年) the new one continues. */
  basedOn: z.string().min(1).max(64).optional(),
  /** The day sections are to be handed in by. */
  dueDate: dueDateSchema.optional(),
  /** 'half' for a 半年总结 (上半年工作总结和下半年工作打算); a year's by default. */
  period: z.enum(PERIODS).optional(),
})

/** POST /api/summaries/:id/copy (admin): a copy of the summary, text and all, as a new one. */
export const summaryCopySchema = z.object({ title: z.string().trim().min(1).max(200).optional() })

/**
 * PATCH /api/summaries/:id (admin): rename it, archive it or bring it back, set or clear (null) its
 * deadline, its 全文字数上限 or its 公文格式 (`official` replaces the whole form).
 */
export const summaryPatchSchema = z
  .object({
    title: z.string().trim().min(1).max(200).optional(),
    archived: z.boolean().optional(),
    dueDate: dueDateSchema.nullable().optional(),
    official: officialFormSchema.nullable().optional(),
    /** 全文字数上限 (null: none). */
    wordLimit: z.number().int().min(100).max(100_000).nullable().optional(),
  })
  .refine((body) => Object.values(body).some((value) => value !== undefined), { error: '请指定要修改的 title、archived、dueDate、official 或 wordLimit' })

export type LoginBody = z.infer<typeof loginBodySchema>
export type UserBody = z.infer<typeof userBodySchema>
export type SummaryBody = z.infer<typeof summaryBodySchema>

const definition = indicatorDefinitionSchema.shape
/** POST /api/summaries/:id/indicators (admin): a figure the template did not have. */
export const indicatorCreateSchema = z.object({
  key: definition.key,
  label: definition.label,
  unit: definition.unit,
  departmentId: z.string().min(1).max(64),
  precision: definition.precision,
  approx: definition.approx,
  ratio: definition.ratio,
})

/** PATCH /api/summaries/:id/indicators/:key (admin): what the figure is called, its unit, owner, decimals. */
export const indicatorPatchSchema = indicatorCreateSchema
  .omit({ key: true, ratio: true })
  .partial()
  .refine((body) => Object.values(body).some((value) => value !== undefined), { error: '请指定要修改的 label、unit、departmentId、precision 或 approx' })

/** POST /api/summaries/:id/indicators/verify (admin, leader): mark figures checked (核实), or not. */
export const indicatorVerifySchema = z.object({
  keys: z.array(z.string().min(1).max(64)).min(1).max(500),
  verified: z.boolean().default(true),
})

/** POST /api/summaries/:id/template (admin): save the summary's structure as a template. */
export const saveAsTemplateSchema = z.object({
  id: idSchema,
  title: z.string().trim().min(1).max(200).optional(),
  /** Replace a template with that id (otherwise 409). */
  replace: z.boolean().optional(),
})

