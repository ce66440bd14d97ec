import { Button, FileButton, Group, Image, Input, Paper, Text } from '@mantine/core';
import { readAsBase64 } from '../../components/files';
import { logoMimeTypes, maxLogoBytes } from '../../../electron/contract/settings';

export type LogoValue = { mime: (typeof logoMimeTypes)[number]; base64: string } | null | undefined;

/** Logo picker: `undefined` keeps the stored logo, `null` removes it, a value replaces it. */
export function LogoInput(props: {
  currentUrl: string | null;
  value: LogoValue;
  onChange: (value: LogoValue) => void;
  error?: string;
  onInvalid: (message: string) => void;
}) {
  const previewUrl = props.value ? `data:${props.value.mime};base64,${props.value.base64}` : props.value === null ? null : props.currentUrl;
  const pick = async (file: File | null) => {
    if (!file) return;
    if (!(logoMimeTypes as readonly string[]).includes(file.type)) return props.onInvalid(`"${file.name}" is not a PNG or JPEG image.`);
    if (file.size > maxLogoBytes) return props.onInvalid(`"${file.name}" is ${(file.size / 1024 / 1024).toFixed(1)} MB; the logo may be at most 1 MB.`);
    props.onChange({ mime: file.type as (typeof logoMimeTypes)[number], base64: await readAsBase64(file) });
  };
  return (
    <Input.Wrapper label="Logo" description="PNG or JPEG, at most 1 MB. Printed on invoices." error={props.error}>
      <Group mt={6} align="center">
        <Paper withBorder w={160} h={80} p={6} style={{ display: 'flex', alignItems: 'center', justifyContent: 'center' }}>
          {previewUrl ? (
            <Image src={previewUrl} alt="Organisation logo" fit="contain" h={66} />
          ) : (
            <Text size="xs" c="dimmed">
              No logo
            </Text>
          )}
        </Paper>
        <FileButton onChange={pick} accept={logoMimeTypes.join(',')}>
          {(buttonProps) => (
            <Button variant="default" {...buttonProps}>
              Choose image…
            </Button>
          )}
        </FileButton>
        {previewUrl && (
          <Button variant="subtle" color="red" onClick={() => props.onChange(null)}>
            Remove
          </Button>
        )}
      </Group>
    </Input.Wrapper>
  );
}
