/**
 * For what still goes through xmlbuilder2: the bundle reader (src/reader/template-xml.ts), the
 * simulator's replies, and the tests' copy of the old bundle writer (the compiler writes bundles
 * itself, escaping every `&`: see xmlText in src/emit/escape.ts).
 *
 * xmlbuilder2 leaves text that looks like a reference (`&amp;`, `&#38;`, `&lt;`) unescaped, so a
 * value holding one would come back decoded once too often. Every `&` is hidden behind U+FFFF while
 * xmlbuilder2 writes (no XML document can hold U+FFFF, so no value does), then written as `&amp;`.
 */
const STAND_IN = '\uffff';

/** A text value with every `&` hidden from xmlbuilder2; see {@link showAmpersands}. */
export const hideAmpersands = (text: string): string => text.replaceAll('&', STAND_IN);

/** The serialised document with every hidden `&` written as `&amp;`. */
export const showAmpersands = (xml: string): string => xml.replaceAll(STAND_IN, '&amp;');

/**
 * A document to read with every `&amp;` hidden: xmlbuilder2's parser decodes `&amp;` before
 * character references, so `&amp;#38;` (the text `&#38;`) would come back as `&`. The document cannot
 * hold U+FFFF itself (the reader refuses it), so every one in a value read back was an `&amp;`.
 */
export const hideAmpersandReferences = (xml: string): string => xml.replaceAll('&amp;', STAND_IN);

/** A value read from a document passed through {@link hideAmpersandReferences}. */
export const restoreAmpersands = (value: string): string => value.replaceAll(STAND_IN, '&');
