import { Text, Timeline } from '@mantine/core';
import { IconBolt, IconCalendarPlus, IconCircleCheck, IconCircleX, IconCpu, IconFilePlus, IconPencil, IconRefresh, type Icon } from '@tabler/icons-react';
import type { ContractEventKind } from '../../../../electron/contract/contracts.vocab';
import { useQueryCall } from '../../../api/useCall';
import { instantText } from '../contract-format';

const icons: Partial<Record<ContractEventKind, Icon>> = {
  created: IconFilePlus,
  updated: IconPencil,
  equipment_assigned: IconCpu,
  equipment_released: IconCpu,
  activated: IconCircleCheck,
  expiring: IconBolt,
  extended: IconCalendarPlus,
  renewed: IconRefresh,
  renewal_started: IconRefresh,
  termination_scheduled: IconCircleX,
  terminated: IconCircleX,
};

/** Every transition and change of the contract, newest first, at the instant it took effect (site time). */
export function ContractTimeline({ contractId, timeZone }: { contractId: number; timeZone: string }) {
  const events = useQueryCall('contracts.timeline', { id: contractId });
  if (!events.data) return <Text c="dimmed">{events.isError ? 'The timeline could not be loaded.' : 'Loading…'}</Text>;
  return (
    <Timeline bulletSize={26} lineWidth={2} active={events.data.length} aria-label="Timeline" maw={860}>
      {events.data.map((event) => {
        const EventIcon = icons[event.kind] ?? IconPencil;
        const recordedLater = event.recordedAt.slice(0, 16) !== event.at.slice(0, 16);
        return (
          <Timeline.Item key={event.id} bullet={<EventIcon size={14} />}>
            <Text size="sm" fw={500}>
              {event.message}
            </Text>
            <Text size="xs" c="dimmed">
              {instantText(event.at, timeZone)} · {event.actor}
              {recordedLater && ` · recorded ${instantText(event.recordedAt, timeZone)}`}
            </Text>
          </Timeline.Item>
        );
      })}
    </Timeline>
  );
}
