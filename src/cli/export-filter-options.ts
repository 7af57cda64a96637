// The filters of `minutes export` as command-line options, checked before the store is
// opened: a value no record can have, or a filter the chosen export has no column for,
// is a usage error rather than an empty or unfiltered file.
import { Option, type Command } from 'commander';
import { FILTER_APPLIES_TO, type ExportFilter } from '../compare/index.js';
import { DocumentKind, GoalStatus, WarningCode } from '../schema/contract.js';
import { MinutesError } from '../schema/errors.js';
import { checkIndicators } from './indicator-option.js';
import { collect, collectYears } from './list-options.js';

export interface ExportFilterFlags {
  year?: number[];
  indicator?: string[];
  status?: string[];
  warningCode?: string[];
  documentKind?: string[];
}

const FLAG_OF: Readonly<Record<keyof ExportFilter, string>> = {
  years: '--year',
  indicators: '--indicator',
  statuses: '--status',
  warningCodes: '--warning-code',
  documentKinds: '--document-kind',
};

export function addExportFilterOptions(command: Command): Command {
  return command
    .addOption(new Option('--year <years>', 'goals, percentages: only these years (plan year, else meeting year)').argParser(collectYears))
    .addOption(new Option('--indicator <ids>', 'goals, percentages: only facts linked to these indicators').argParser(collect))
    .addOption(new Option('--status <statuses>', 'goals: met, partly_met, not_met …; documents: ok, failed').argParser(collect))
    .addOption(new Option('--warning-code <codes>', 'only documents with a warning of these codes').argParser(collect))
    .addOption(new Option('--document-kind <kinds>', `only these kinds of document: ${DocumentKind.options.join(', ')}`).argParser(collect));
}

/** The filter the flags ask for, or a usage error naming what is wrong. */
export function exportFilter(what: string, flags: ExportFilterFlags): ExportFilter {
  const filter: ExportFilter = {
    ...(flags.year ? { years: flags.year } : {}),
    ...(flags.indicator ? { indicators: flags.indicator } : {}),
    ...(flags.status ? { statuses: flags.status } : {}),
    ...(flags.warningCode ? { warningCodes: flags.warningCode } : {}),
    ...(flags.documentKind ? { documentKinds: flags.documentKind } : {}),
  };
  for (const key of Object.keys(filter) as (keyof ExportFilter)[]) {
    if (!FILTER_APPLIES_TO[key].includes(what)) {
      throw new MinutesError('usage', `${FLAG_OF[key]} applies to --what ${FILTER_APPLIES_TO[key].join(', ')}, not ${what}`);
    }
  }
  const statuses = what === 'documents' ? ['ok', 'failed'] : GoalStatus.options;
  checkValues('--status', filter.statuses, statuses);
  checkValues('--warning-code', filter.warningCodes, WarningCode.options);
  checkValues('--document-kind', filter.documentKinds, DocumentKind.options);
  checkIndicators(filter.indicators);
  return filter;
}

function checkValues(flag: string, values: readonly string[] | undefined, known: readonly string[]): void {
  const unknown = (values ?? []).filter((v) => !known.includes(v));
  if (unknown.length) throw new MinutesError('usage', `${flag}: unknown ${unknown.join(', ')} (one of ${known.join(', ')})`);
}
