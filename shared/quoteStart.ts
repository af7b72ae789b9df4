/** The start of a sentence or paragraph a message quotes: 一是做好安全生产工作，提高企业安全生产标…… */
export const quoteStart = (text: string, characters = 20): string => (text.length > characters ? `${text.slice(0, characters)}……` : text)
