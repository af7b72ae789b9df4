/** Typed access to the `indicators` root: key → IndicatorData (written by the server only). */
import type * as Y from 'yjs'
import type { IndicatorData } from '../indicators/types.js'
import { INDICATORS_ROOT } from './roots.js'

export const getIndicators = (doc: Y.Doc): Y.Map<IndicatorData> => doc.getMap<IndicatorData>(INDICATORS_ROOT)

export const readIndicators = (doc: Y.Doc): Record<string, IndicatorData> => Object.fromEntries(getIndicators(doc).entries())
