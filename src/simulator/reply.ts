import { create } from 'xmlbuilder2';

/** Element tree for xmlbuilder2's object form: arrays repeat the element, strings become text. */
export interface XmlObject {
  [name: string]: XmlValue;
}

/** Value of one element in an {@link XmlObject}. */
export type XmlValue = string | number | XmlObject | readonly XmlObject[];

/** A successful answer: structured `<Data>` or plain text inside `<Success>`. */
export type Reply = { readonly data: XmlObject } | { readonly text: string };

/**
 * A failed call. The appliance mirrors `stat` in the HTTP status (LOADMASTER-API.md §1), so one
 * number serves both.
 */
export class SimError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
    this.name = 'SimError';
  }
}

/** The plain success text the appliance sends for commands without data. */
export const DONE: Reply = { text: 'Command completed ok' };

/** Renders a success envelope: `<Response stat="200" code="ok"><Success>...</Success></Response>`. */
export function renderSuccess(reply: Reply): string {
  const success = 'data' in reply ? { Data: reply.data } : reply.text;
  return render({ Response: { '@stat': '200', '@code': 'ok', Success: success } });
}

/** Renders an error envelope: `<Response stat="422" code="fail"><Error>Unknown VS</Error></Response>`. */
export function renderError(status: number, message: string): string {
  return render({ Response: { '@stat': String(status), '@code': 'fail', Error: message } });
}

function render(tree: XmlObject): string {
  return `${create({ version: '1.0', encoding: 'UTF-8' }, tree).end({ prettyPrint: false })}\n`;
}
