import { Alert } from '@mantine/core';
import type { PowerTestResult } from '../../../electron/contract/power';
import { wattsText } from './power-format';

/** What "Test connection" got: the reading in a sentence, or why the device did not answer as expected. */
export function TestOutcome({ result }: { result: PowerTestResult }) {
  if (!result.ok) {
    return (
      <Alert color="red" title={result.state === 'unreachable' ? 'No answer' : 'It answered, but not as the profile expects'}>
        {result.message}
      </Alert>
    );
  }
  return (
    <Alert color="green" title="The device answered">
      Power {wattsText(result.powerW)}, energy counter {result.energyWh === null ? '—' : `${result.energyWh.toLocaleString()} Wh`}
      {result.outlets.length > 0 && `, ${result.outlets.length} outlets`}.{Object.entries(result.extra).map(([label, value]) => ` ${label}: ${value}.`)}
      {result.notes.length > 0 && ` Notes: ${result.notes.join(' ')}`}
    </Alert>
  );
}
