/**
 * Root names of a summary's Y.Doc. The server writes every root except the section fragments;
 * clients write only `section:<id>` fragments, and the update guard enforces that.
 */
export const META_ROOT = 'meta'
export const OUTLINE_ROOT = 'outline'
export const INDICATORS_ROOT = 'indicators'
export const COMMENTS_ROOT = 'comments'
export const SECTION_ROOT_PREFIX = 'section:'

/** sectionRoot('investment') === 'section:investment' */
export const sectionRoot = (sectionId: string): string => SECTION_ROOT_PREFIX + sectionId

/** The section id of a `section:<id>` root name, or null for any other root. */
export const parseSectionRoot = (rootName: string): string | null =>
  rootName.startsWith(SECTION_ROOT_PREFIX) && rootName.length > SECTION_ROOT_PREFIX.length
    ? rootName.slice(SECTION_ROOT_PREFIX.length)
    : null
