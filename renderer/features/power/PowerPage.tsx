import { Tabs } from '@mantine/core';
import { useSearchParams } from 'react-router';
import { PageHeader } from '../../components/PageHeader';
import { DevicesTab } from './DevicesTab';
import { ProfilesTab } from './ProfilesTab';
import { RackPowerTab } from './RackPowerTab';
import { SiteEnergyTab } from './SiteEnergyTab';

const tabs = ['devices', 'racks', 'energy', 'profiles'];

/** Power: PDUs and meters, outlets mapped to miners, racks with their outlets, profiles and site energy. The tab is in the URL. */
export function PowerPage() {
  const [params, setParams] = useSearchParams();
  const tab = tabs.includes(params.get('tab') ?? '') ? params.get('tab')! : 'devices';
  return (
    <>
      <PageHeader
        title="Power"
        description="PDUs read over SNMP and meters over Modbus TCP every minute, and meters read by hand: outlets mapped to miners, live power, and energy counters kept raw."
      />
      <Tabs value={tab} onChange={(next) => setParams(next === 'devices' ? {} : { tab: next ?? '' }, { replace: true })} keepMounted={false}>
        <Tabs.List mb="md">
          <Tabs.Tab value="devices">Devices</Tabs.Tab>
          <Tabs.Tab value="racks">Racks</Tabs.Tab>
          <Tabs.Tab value="energy">Site energy</Tabs.Tab>
          <Tabs.Tab value="profiles">Profiles</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="devices">
          <DevicesTab />
        </Tabs.Panel>
        <Tabs.Panel value="racks">
          <RackPowerTab />
        </Tabs.Panel>
        <Tabs.Panel value="energy">
          <SiteEnergyTab />
        </Tabs.Panel>
        <Tabs.Panel value="profiles">
          <ProfilesTab />
        </Tabs.Panel>
      </Tabs>
    </>
  );
}
