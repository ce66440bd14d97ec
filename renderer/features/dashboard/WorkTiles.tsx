import { Stack, Text } from '@mantine/core';
import { IconFileText, IconListCheck } from '@tabler/icons-react';
import type { DashboardSummary } from '../../../electron/contract/dashboard';
import { taskStatusLabels } from '../../../electron/contract/tasks.vocab';
import { instantText } from '../contracts/contract-format';
import { DashboardTile, TileRow } from './DashboardTile';

/** The open work: tasks still to do, and contracts whose notice falls due soon. */
export function WorkTiles({ tasks, notice, now }: Pick<DashboardSummary, 'tasks' | 'notice'> & { now: string }) {
  const openStatuses = Object.keys(tasks.byStatus) as (keyof typeof tasks.byStatus)[];
  return (
    <>
      <DashboardTile label="Open tasks" icon={IconListCheck} color="violet" value={tasks.open.toLocaleString('en-US')}>
        <Stack gap={0}>
          <TileRow
            to="/tasks?overdue=1"
            label={
              <Text span c={tasks.overdue ? 'red' : undefined} inherit>
                Past their due date
              </Text>
            }
            figure={tasks.overdue.toLocaleString('en-US')}
          />
          {openStatuses.map((status) => (
            <TileRow
              key={status}
              to={`/tasks?status=${status}`}
              label={taskStatusLabels[status]}
              figure={(tasks.byStatus[status] ?? 0).toLocaleString('en-US')}
            />
          ))}
        </Stack>
      </DashboardTile>
      <DashboardTile label={`Notice due in ${notice.withinDays} days`} icon={IconFileText} color="orange" value={notice.count.toLocaleString('en-US')}>
        <Stack gap={0}>
          {notice.first.map((row) => (
            <TileRow
              key={row.id}
              to={`/contracts/${row.id}`}
              label={row.reference}
              detail={row.client.name}
              figure={
                <Text
                  span
                  inherit
                  c={row.noticeBy < now ? 'red' : undefined}
                  title={row.noticeBy < now ? 'The last day to give notice has passed' : 'Last day to give notice'}
                >
                  {instantText(row.noticeBy, row.timeZone)}
                </Text>
              }
            />
          ))}
          <TileRow
            to={`/contracts?queue=${notice.withinDays}`}
            label={notice.count ? 'The whole renewal queue' : 'No contract needs a decision yet'}
            figure="→"
          />
        </Stack>
      </DashboardTile>
    </>
  );
}
