import { Button, Menu } from '@mantine/core';
import { IconChevronDown } from '@tabler/icons-react';

/** The "More ▾" button that opens a record page's menu of further actions. */
export function MoreMenuTarget() {
  return (
    <Menu.Target>
      <Button variant="default" rightSection={<IconChevronDown size={16} />}>
        More
      </Button>
    </Menu.Target>
  );
}
