/** The .docx with its automatic numbers as text, or the same bytes when it has none or cannot be read so. */
export declare const numbersAsText: (bytes: Uint8Array) => Uint8Array
