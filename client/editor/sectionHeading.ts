/** The id of a section's heading on the summary page, which names its editor and its comments. */
export const sectionHeadingId = (sectionId: string): string => `heading-${sectionId}`
