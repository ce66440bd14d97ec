import type { reportCalls } from '../../contract/reports';
import type { DomainHandlers, NamesOf, SharedServices } from '../handler-kit';
import { accountingExport } from './accounting.exports';
import { monthlyConsumptionFile } from './consumption.file';
import { clientPerformanceFile } from './performance.file';
import { sendStatement } from './statement.send';
import { statementPdf } from './statement.pdf';

export function reportHandlers({ db, mail }: SharedServices): DomainHandlers<NamesOf<typeof reportCalls>> {
  return {
    'clients.statement': async (input) => statementPdf(db, input),
    'clients.statement.send': async (input, ctx) => {
      const sent = await sendStatement(db, input, ctx.actor);
      mail.wake();
      return sent;
    },
    'reports.monthlyConsumption': async (input) => monthlyConsumptionFile(db, input),
    'reports.clientPerformance': async (input) => clientPerformanceFile(db, input),
    'reports.exports': async (input) => accountingExport(db, input),
  };
}
