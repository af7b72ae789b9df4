/** Bodies of the section endpoints (PATCH, POST) and versions. */
import { z } from 'zod'
import { headingTitleSchema } from './template.js'

export const sectionPatchSchema = z.object({
  title: headingTitleSchema.optional(),
  departmentId: z.string().min(1).max(64).optional(),
  hint: z.string().max(1000).optional(),
  wordTarget: z.number().int().min(0).max(100000).optional(),
  level: z.number().int().min(1).max(4).optional(),
  position: z.number().int().min(0).optional(),
  status: z.enum(['drafting', 'review', 'final']).optional(),
  reason: z.string().trim().max(2000).optional(),
})

/** PUT …/sections/:sectionId/writer: the 执笔人 to name, or null for none. */
export const sectionWriterSchema = z.object({ userId: z.string().min(1).max(64).nullable() })

export const sectionCreateSchema = z.object({
  title: headingTitleSchema,
  departmentId: z.string().min(1).max(64),
  level: z.number().int().min(1).max(4),
  hint: z.string().max(1000).optional(),
  wordTarget: z.number().int().min(0).max(100000).optional(),
  /** Index in the outline; default: the end. */
  position: z.number().int().min(0).optional(),
  /** The opening before 一、 (导语): goes first, unnumbered; a summary has at most one. */
  lead: z.boolean().optional(),
})

export const VERSION_NAME_MAX = 50
export const versionCreateSchema = z.object({ name: z.string().trim().min(1).max(VERSION_NAME_MAX) })

export const restoreSectionSchema = z.object({ versionId: z.string().min(1).max(64) })

export const applyTemplateSchema = z.object({ templateId: z.string().min(1).max(64).optional() })

/** 标为已读: one section, or every section of the summary. */
export const readMarkSchema = z.object({ sectionId: z.string().min(1).max(64).optional() })
