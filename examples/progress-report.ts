// A team's progress, for a manager, through the typed client (@docket/client):
//
//   DOCKET_URL=http://localhost:3000 DOCKET_TOKEN=<api token> node scripts/run-ts.mjs examples/progress-report.ts KOR
//
// DOCKET_TOKEN is an API token (the createApiToken mutation) or a session token (login); DOCKET_URL defaults to
// http://localhost:3000. Prints the counts by state, the completion rate and the overdue recommendations with
// their owners. scripts/run-ts.mjs transpiles it on the fly with @swc/core, as the benchmarks run: no build step.
import {
  DocketClient,
  MeDocument,
  OverdueRecommendationsDocument,
  type OverdueRecommendationsQuery,
  ProgressReportDocument,
  type ProgressReportQuery,
} from '@docket/client';

const DAY_MS = 86_400_000;

type Report = ProgressReportQuery['progressReport'];
type Overdue = OverdueRecommendationsQuery['recommendations'];

const plural = (count: number, word: string) => `${count} ${word}${count === 1 ? '' : 's'}`;

/** The report as text lines; `now` fixes how overdue each item reads. */
export function formatProgress(teamKey: string, report: Report, overdue: Overdue, now = new Date()): string[] {
  const counted = report.total - report.canceled;
  const lines = [
    `Progress of ${teamKey}: ${plural(report.total, 'recommendation')}`,
    `Completion rate: ${(report.completionRate * 100).toFixed(1)}% (${report.completed} of ${counted} completed, ${report.canceled} canceled)`,
    `Open: ${report.open}   Overdue: ${report.overdue}   Due within 7 days: ${report.dueWithin7Days}`,
    '',
    'By state:',
  ];
  const width = Math.max(...report.byState.map(({ state }) => state.name.length), 0);
  for (const { state, count } of report.byState)
    lines.push(`  ${state.name.padEnd(width)}  ${String(count).padStart(4)}`);
  lines.push('', `Overdue (${overdue.totalCount}):`);
  if (overdue.nodes.length === 0) lines.push('  none');
  for (const rec of overdue.nodes) {
    const late = rec.dueAt ? Math.floor((now.getTime() - Date.parse(rec.dueAt)) / DAY_MS) : 0;
    const owner = rec.owner ? `${rec.owner.name} <${rec.owner.email}>` : 'no owner';
    lines.push(
      `  ${rec.identifier}  ${rec.title}  (due ${rec.dueAt?.slice(0, 10)}, ${late < 1 ? 'under a day' : plural(late, 'day')} late; ${rec.state.name})  owner: ${owner}`,
    );
  }
  if (overdue.totalCount > overdue.nodes.length)
    lines.push(`  … and ${overdue.totalCount - overdue.nodes.length} more`);
  return lines;
}

export async function main(args: string[]): Promise<void> {
  const teamKey = args[0] ?? process.env['DOCKET_TEAM'];
  const token = process.env['DOCKET_TOKEN'];
  if (!teamKey || !token) {
    throw new Error(
      'usage: DOCKET_URL=http://localhost:3000 DOCKET_TOKEN=<api token> node scripts/run-ts.mjs examples/progress-report.ts <TEAM>',
    );
  }
  const client = new DocketClient({ url: process.env['DOCKET_URL'] || 'http://localhost:3000', token });
  const [{ me }, { progressReport }, { recommendations }] = await Promise.all([
    client.request(MeDocument),
    client.request(ProgressReportDocument, { teamKey }),
    client.request(OverdueRecommendationsDocument, { teamKey }),
  ]);
  console.log(`Docket report for ${me.name} <${me.email}>`);
  console.log(formatProgress(teamKey, progressReport, recommendations).join('\n'));
}
