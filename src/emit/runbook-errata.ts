import { madeOnce } from '../made-once.js';
import type { RowErratum, ServiceErratum } from '../model/erratum.js';
import { mdAuthored, mdCode } from './markdown.js';
import type { Departure } from './runbook-parts.js';

/** Each erratum's reason as Markdown, made once: every service it changes lists it. */
const REASONS = new WeakMap<RowErratum, string>();
const reasonOf = (e: RowErratum): string => madeOnce(REASONS, e, () => mdAuthored(e.reason));

/** An erratum as the runbook's list of departures shows it, next to the values it changes. */
export function departureOf(x: ServiceErratum): Departure {
  const doc = x.erratum.documented;
  const use =
    doc?.use !== undefined && doc.use !== x.erratum.corrected.use
      ? ` with "Use with Template" ${doc.use ? mdCode(doc.use) : 'empty'}`
      : '';
  return {
    id: x.erratum.id,
    where: `guide ${x.sections.join(', ')}, for ${x.objects.join(', ')}`,
    documented: doc
      ? `${mdCode(`${doc.parameter}${doc.value === undefined ? '' : `=${doc.value}`}`)}${use}`
      : 'nothing (no row)',
    corrected: x.values.map((s) => mdCode(s)).join(', '),
    reason: reasonOf(x.erratum),
  };
}
