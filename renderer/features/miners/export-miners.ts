import { notifications } from '@mantine/notifications';
import { useCallback } from 'react';
import type { ExportColumn, ImportFormat } from '../../../electron/contract/miners.import';
import type { MinerFilters } from '../../../electron/contract/miners.list';
import { useCall } from '../../api/useCall';
import { downloadBase64 } from '../../components/files';

export type ExportRequest = { filter: Partial<MinerFilters>; ids?: number[]; format: ImportFormat; columns?: ExportColumn[] };

/** `exportMiners(request)` writes the filtered view (or the selection) as CSV or XLSX and saves the file. */
export function useExportMiners() {
  const call = useCall('miners.export', { failureTitle: 'The miners were not exported' });
  const { run } = call;
  const exportMiners = useCallback(
    async ({ filter, ids, format, columns }: ExportRequest) => {
      const outcome = await run({ filter, ids: ids?.length ? ids : undefined, format, columns });
      if (!outcome.ok) return false;
      downloadBase64(outcome.value.base64, outcome.value.mime, outcome.value.fileName);
      notifications.show({
        color: 'green',
        title: 'Miners exported',
        message: `${outcome.value.rows.toLocaleString()} miners saved as ${outcome.value.fileName}.`,
      });
      return true;
    },
    [run],
  );
  return { exportMiners, exporting: call.running };
}
