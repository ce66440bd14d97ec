import { Loader, Stack } from '@mantine/core';
import { useQueryCall } from '../../api/useCall';
import { CreateAdministratorCard } from './CreateAdministratorCard';
import { IdleLockSetting } from './IdleLockSetting';
import { RolesSection } from './RolesSection';
import { UsersSection } from './UsersSection';

/** Settings › Users & roles: the first administrator, then logins, roles and the idle lock. */
export function UsersRolesTab() {
  const status = useQueryCall('auth.status', {}, { staleTime: Infinity });
  if (!status.data) return <Loader />;
  return (
    <Stack gap={40}>
      {!status.data.accountsExist && <CreateAdministratorCard />}
      <UsersSection />
      <RolesSection />
      <IdleLockSetting key={status.data.idleLockMinutes} minutes={status.data.idleLockMinutes} />
    </Stack>
  );
}
