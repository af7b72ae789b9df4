/**
 * 导入 Word: a department's draft in a .docx file, as HTML the section editor inserts like a paste
 * (mammoth reads paragraphs, bold/italic, lists and tables; headings and images have no place in a
 * section and arrive as their text or not at all). The indent typed by hand at the start of
 * paragraphs is dropped, as on paste: the exports indent every paragraph themselves. mammoth is
 * loaded only when someone imports.
 */
const LEADING_INDENT = /(<p[^>]*>)(?:[\s\u3000\u00a0]|&nbsp;)+/g

export class DocxImportError extends Error {}

export const readDocxAsHtml = async (file: File): Promise<string> => {
  if (!/\.docx$/i.test(file.name)) throw new DocxImportError(`“${file.name}”不是 .docx 文件（旧版 .doc 请先在 Word/WPS 中另存为 .docx）`)
  const { default: mammoth } = await import('mammoth')
  try {
    const { value } = await mammoth.convertToHtml({ arrayBuffer: await file.arrayBuffer() })
    return value.replace(LEADING_INDENT, '$1')
  } catch {
    throw new DocxImportError(`无法读取“${file.name}”：文件可能已损坏，或不是 Word 文档`)
  }
}
