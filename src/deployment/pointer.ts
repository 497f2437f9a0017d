/** A JSON pointer's reference token (RFC 6901): `~` as `~0`, `/` as `~1`. */
export const pointerToken = (key: string | number): string =>
  String(key).replace(/~/g, '~0').replace(/\//g, '~1');
