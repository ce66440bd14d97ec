import { NumberInput, PasswordInput, Select, SimpleGrid, TextInput } from '@mantine/core';
import type { UseFormReturnType } from '@mantine/form';
import type { PowerDevice } from '../../../electron/contract/power';
import { snmpVersions } from '../../../electron/contract/power.vocab';
import type { DeviceFormValues } from './DeviceFormModal';

/** How a polled device is read: SNMP settings and secrets for a PDU, the Modbus unit and what it measures for a meter. */
export function DeviceProtocolFields({ form, hasSecret, pdus }: { form: UseFormReturnType<DeviceFormValues>; hasSecret: boolean; pdus: PowerDevice[] }) {
  const { values } = form;
  const secretHint = hasSecret ? 'Stored. Leave empty to keep it.' : undefined;
  const v3 = values.version === '3';
  return (
    <>
      {values.kind === 'pdu' ? (
        <>
          <Select
            label="SNMP version"
            data={snmpVersions.map((v) => ({ value: v, label: `v${v}` }))}
            allowDeselect={false}
            {...form.getInputProps('version')}
          />
          {!v3 && (
            <PasswordInput label="Community" withAsterisk={!hasSecret} description={secretHint} autoComplete="off" {...form.getInputProps('community')} />
          )}
          {v3 && (
            <SimpleGrid cols={2}>
              <TextInput label="User" withAsterisk {...form.getInputProps('user')} />
              <Select label="Security level" data={['noAuthNoPriv', 'authNoPriv', 'authPriv']} allowDeselect={false} {...form.getInputProps('securityLevel')} />
              <Select
                label="Auth protocol"
                withAsterisk={values.securityLevel !== 'noAuthNoPriv'}
                data={['md5', 'sha', 'sha224', 'sha256', 'sha384', 'sha512']}
                {...form.getInputProps('authProtocol')}
              />
              <PasswordInput
                label="Auth passphrase"
                withAsterisk={values.securityLevel !== 'noAuthNoPriv' && !hasSecret}
                description={secretHint}
                autoComplete="off"
                {...form.getInputProps('authKey')}
              />
              <Select
                label="Privacy protocol"
                withAsterisk={values.securityLevel === 'authPriv'}
                data={['des', 'aes', 'aes256b', 'aes256r']}
                {...form.getInputProps('privProtocol')}
              />
              <PasswordInput
                label="Privacy passphrase"
                withAsterisk={values.securityLevel === 'authPriv' && !hasSecret}
                description={secretHint}
                autoComplete="off"
                {...form.getInputProps('privKey')}
              />
            </SimpleGrid>
          )}
        </>
      ) : (
        <SimpleGrid cols={2}>
          <NumberInput label="Modbus unit ID" allowDecimal={false} allowNegative={false} min={0} max={255} {...form.getInputProps('unitId')} />
          <Select
            label="Measures"
            clearable
            placeholder="The whole site"
            data={pdus.map((p) => ({ value: String(p.id), label: `The feed of ${p.name}` }))}
            {...form.getInputProps('meteredDeviceId')}
          />
        </SimpleGrid>
      )}
    </>
  );
}
