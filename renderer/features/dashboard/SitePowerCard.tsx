import { Card, Progress, Stack, Text } from '@mantine/core';
import { Link } from 'react-router';
import type { DashboardSite } from '../../../electron/contract/dashboard';
import { countText, fleetHashrateText, kwText, percentOf } from './dashboard-format';
import classes from './Dashboard.module.css';

/** Live power draw by site, largest first, each opening the site's miners. */
export function SitePowerCard({ sites, totalW }: { sites: DashboardSite[]; totalW: number }) {
  return (
    <Card withBorder radius="md" padding="md" h="100%" component="section" aria-label="Power draw by site">
      <Text fw={600}>Power draw by site</Text>
      <Text size="xs" c="dimmed" mb="sm">
        Latest readings: PDU outlets where mapped, else the miner&apos;s report or its nameplate
      </Text>
      {sites.length === 0 ? (
        <Text size="sm" c="dimmed">
          No sites yet.
        </Text>
      ) : (
        <Stack gap={6}>
          {sites.map((site) => (
            <Link key={site.siteId ?? 'none'} to={site.siteId === null ? '/miners' : `/miners?site=${site.siteId}`} className={classes.rowLink}>
              <Stack gap={2} style={{ flex: 1, minWidth: 0 }}>
                <Text size="sm" fw={500} truncate>
                  {site.name}
                </Text>
                <Progress size={6} value={percentOf(site.powerW, totalW)} color="teal" aria-hidden />
                <Text size="xs" c="dimmed">
                  {fleetHashrateText(site.hashrateGhs)} · {site.answering.toLocaleString('en-US')} of {countText(site.miners, 'miner')} answering
                </Text>
              </Stack>
              <Text size="sm" fw={600} style={{ whiteSpace: 'nowrap' }}>
                {kwText(site.powerW)}
              </Text>
            </Link>
          ))}
        </Stack>
      )}
    </Card>
  );
}
