/** Full-width digits, letters, colons and spaces become ASCII; for parsing, never for stored text. */
export function normalized(text: string): string {
  return text.normalize('NFKC').replace(/\s+/g, ' ').trim();
}

/** A spelling compared without spaces or case (choices, booleans). */
export function choiceKey(text: string): string {
  return normalized(text).replace(/\s/g, '').toLowerCase();
}
