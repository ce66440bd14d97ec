import { Card, Group, Stack, Text, ThemeIcon } from '@mantine/core';
import type { Icon } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import classes from './Dashboard.module.css';

type TileProps = {
  label: string;
  icon: Icon;
  color: string;
  /** The big figure; a tile without one shows only its rows. */
  value?: ReactNode;
  /** When set, the whole tile opens this page; otherwise its rows carry their own links. */
  to?: string;
  children?: ReactNode;
};

/** One dashboard tile: a label with its icon, the figure, and lines beneath. */
export function DashboardTile({ label, icon: TileIcon, color, value, to, children }: TileProps) {
  const body = (
    <>
      <Group justify="space-between" align="flex-start" wrap="nowrap" mb={4}>
        <Text size="xs" c="dimmed" tt="uppercase" fw={700} lh={1.3}>
          {label}
        </Text>
        <ThemeIcon variant="light" color={color} size="md" radius="md" aria-hidden>
          <TileIcon size={16} />
        </ThemeIcon>
      </Group>
      {value !== undefined && (
        <Text fz={26} fw={700} lh={1.2} mb={4}>
          {value}
        </Text>
      )}
      {children}
    </>
  );
  const common = { withBorder: true, radius: 'md', padding: 'md', h: '100%', 'data-tile': label } as const;
  return to ? (
    <Card {...common} component={Link} to={to} className={classes.linkTile}>
      {body}
    </Card>
  ) : (
    <Card {...common} component="section" aria-label={label}>
      {body}
    </Card>
  );
}

/** A line of a tile that opens its own filtered page: a label (and a dimmed second line) on the left, its figure on the right. */
export function TileRow({ to, label, detail, figure, lead }: { to: string; label: ReactNode; detail?: string; figure: ReactNode; lead?: ReactNode }) {
  return (
    <Link to={to} className={classes.rowLink}>
      <Group gap={8} wrap="nowrap" miw={0}>
        {lead}
        <Stack gap={0} miw={0}>
          <Text size="sm" truncate>
            {label}
          </Text>
          {detail && (
            <Text size="xs" c="dimmed" truncate>
              {detail}
            </Text>
          )}
        </Stack>
      </Group>
      <Text size="sm" fw={600} style={{ whiteSpace: 'nowrap' }}>
        {figure}
      </Text>
    </Link>
  );
}
