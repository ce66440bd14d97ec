import { Button, Center, Group, Loader, Modal, Stack, Text } from '@mantine/core';
import { IconDownload, IconPrinter } from '@tabler/icons-react';
import { useRef } from 'react';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { downloadBase64 } from '../../../components/files';
import { useInvoicePdf } from './useInvoicePdf';

/** The invoice's PDF in the app, to read, save or print (the browser's print dialog for the PDF itself). */
export function PdfPreviewModal({ id, name, onClose }: { id: number; name: string; onClose: () => void }) {
  const { pdf, url, error } = useInvoicePdf(id, true);
  const frame = useRef<HTMLIFrameElement>(null);
  return (
    <Modal opened onClose={onClose} title={`PDF of ${name}`} size="min(1100px, 92vw)" closeButtonProps={{ 'aria-label': 'Close' }} centered>
      <Stack gap="sm">
        <Group justify="space-between">
          <Text size="sm" c="dimmed">
            {pdf ? pdf.fileName : 'Printing the PDF…'}
          </Text>
          <Group gap="xs">
            <Button
              variant="default"
              leftSection={<IconDownload size={16} />}
              disabled={!pdf}
              onClick={() => pdf && downloadBase64(pdf.base64, 'application/pdf', pdf.fileName)}
            >
              Save PDF
            </Button>
            <Button variant="default" leftSection={<IconPrinter size={16} />} disabled={!url} onClick={() => frame.current?.contentWindow?.print()}>
              Print
            </Button>
          </Group>
        </Group>
        <ErrorAlert title="The PDF could not be made" error={error?.apiError} />
        {url ? (
          <iframe
            ref={frame}
            src={url}
            title={`PDF preview of ${name}`}
            style={{ width: '100%', height: '72vh', border: 0, borderRadius: 4, background: '#525659' }}
          />
        ) : (
          !error && (
            <Center h="72vh">
              <Loader aria-label="Loading the PDF" />
            </Center>
          )
        )}
      </Stack>
    </Modal>
  );
}
