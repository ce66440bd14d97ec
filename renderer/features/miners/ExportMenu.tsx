import { Button, Menu, type ButtonProps } from '@mantine/core';
import { IconChevronDown, IconDownload } from '@tabler/icons-react';
import { useExportMiners, type ExportRequest } from './export-miners';

/** "Export" with a CSV and an XLSX choice, for the selection or the whole filtered view. */
export function ExportMenu(props: { label: string; request: Omit<ExportRequest, 'format'>; size?: ButtonProps['size'] }) {
  const { exportMiners, exporting } = useExportMiners();
  return (
    <Menu position="top-end">
      <Menu.Target>
        <Button
          size={props.size}
          variant="default"
          loading={exporting}
          leftSection={props.size === 'xs' ? undefined : <IconDownload size={18} />}
          rightSection={<IconChevronDown size={14} />}
        >
          {props.label}
        </Button>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Item onClick={() => exportMiners({ ...props.request, format: 'csv' })}>CSV file</Menu.Item>
        <Menu.Item onClick={() => exportMiners({ ...props.request, format: 'xlsx' })}>Excel workbook (XLSX)</Menu.Item>
      </Menu.Dropdown>
    </Menu>
  );
}
