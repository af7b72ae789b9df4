/**
 * 核实: the office or a leader marks a figure as checked against the statistics. A figure counts
 * as checked only as long as what prints from it is unchanged: a new value, last year's figure,
 * target or unit clears the mark. Rates are computed and follow their two figures.
 */
import type { IndicatorData } from './indicators/types.js'

export const isVerified = (figure: IndicatorData): boolean => Boolean(figure.verifiedBy && figure.verifiedAt)

/** Whether `after` still prints what was checked in `before`. */
export const keepsVerification = (before: IndicatorData, after: IndicatorData): boolean =>
  before.value === after.value && before.previous === after.previous && before.target === after.target && before.unit === after.unit

/** `after` with the mark kept when nothing checked changed, cleared otherwise. */
export const carryVerification = (before: IndicatorData, after: IndicatorData): IndicatorData =>
  keepsVerification(before, after) || !isVerified(before) ? after : { ...after, verifiedBy: null, verifiedAt: null }

/** Figures filled in and not checked yet, rates aside: what 全部核实 marks. */
export const uncheckedFigures = (figures: Readonly<Record<string, IndicatorData>>): string[] =>
  Object.entries(figures)
    .filter(([, figure]) => !figure.ratio && figure.value !== null && !isVerified(figure))
    .map(([key]) => key)

/**
 * The unchecked figures once the office has begun checking (any figure checked): a summary whose
 * office does not use 核实 is not told about it on every export.
 */
export const unverifiedFigures = (figures: Readonly<Record<string, IndicatorData>>): string[] =>
  Object.values(figures).some((figure) => !figure.ratio && isVerified(figure)) ? uncheckedFigures(figures) : []
