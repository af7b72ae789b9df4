/** The templates every installation starts with; an upload with the same id replaces one. */
import type { Template } from '../../shared/schema/template.js'
import { coopAnnualTemplate } from './coopAnnual.js'
import { emergencyAnnualTemplate } from './emergencyAnnual.js'
import { parkAnnualTemplate } from './parkAnnual.js'
import { schoolAnnualTemplate } from './schoolAnnual.js'
import { townshipAnnualTemplate } from './townshipAnnual.js'
import { unionAnnualTemplate } from './unionAnnual.js'

export const BUILTIN_TEMPLATES: readonly Template[] = [parkAnnualTemplate, unionAnnualTemplate, schoolAnnualTemplate, emergencyAnnualTemplate, coopAnnualTemplate, townshipAnnualTemplate]
