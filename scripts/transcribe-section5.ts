/**
 * Transcribes the guide's section 5 tables (text form) into rows. Run once to make
 * fixtures/guide/section5.json; the transcription test runs it again to prove the fixture still
 * equals the guide's text. It reads only the guide, never the model.
 */
import { readFileSync } from 'node:fs';

/** One row of a section 5 table, as the guide prints it. */
export interface TranscribedRow {
  readonly section: string;
  readonly group: string;
  readonly item: string | null;
  readonly parameter: string;
  readonly value: string;
  readonly use: string;
  /** 1-based line of the guide's text file. */
  readonly line: number;
}

const GROUPS_51 = new Set(['HTTP Redirect', 'Content Rules', 'Main Virtual Service', 'Sub Virtual Service']);

export function transcribeSection5(text: string): TranscribedRow[] {
  const lines = text.split('\n');
  const rows: TranscribedRow[] = [];
  let section: string | null = null;
  let group = '';
  let item: string | null = null;
  lines.forEach((raw, i) => {
    const heading = /^5\.(\d) Exchange 2016 /.exec(raw);
    if (heading) {
      section = `5.${heading[1]}`;
      return;
    }
    if (/^6 References/.test(raw)) section = null;
    if (section === null || !raw.includes('\t')) return;
    const cells = raw.split('\t');
    const [parameter = '', value = '', use = ''] = cells;
    if (parameter === 'API Parameter') return;
    if (value === '' && cells.slice(1).every((c) => c === '')) {
      if (section !== '5.1' || GROUPS_51.has(parameter)) {
        group = parameter;
        item = null;
      } else {
        item = parameter;
      }
      return;
    }
    rows.push({ section, group, item, parameter, value, use, line: i + 1 });
  });
  return rows;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  // A clone holds no copy of the guide: its text is given, as for npm run check:guide.
  const guide = process.argv[2] ?? process.env.BUILD_TEMPLATES_GUIDE;
  if (!guide) {
    process.stderr.write(
      'usage: tsx scripts/transcribe-section5.ts PATH/TO/exchange-2016-deployment-guide.txt (or BUILD_TEMPLATES_GUIDE)\n',
    );
    process.exit(2);
  }
  process.stdout.write(`${JSON.stringify(transcribeSection5(readFileSync(guide, 'utf8')), null, 1)}\n`);
}
