// A simulated APC Rack PDU (rPDU2 branch of PowerNet-MIB) answering SNMP v1/v2c/v3 on UDP 16100:
// outlet names and states, per-outlet active power (W) and energy (tenths of kWh), device totals.
import type { Socket as UdpSocket } from 'node:dgram';
import snmp from 'net-snmp';
import { energyCounter, type EnergyCounter } from './counter';

export const pduSnmpPort = 16100;
export const pduCommunities = { read: 'public', write: 'private' };
/** SNMPv3 user of every simulated PDU (authPriv, SHA + AES). */
export const pduV3User = { name: 'hashdesk', authKey: 'hashdesk-auth', privKey: 'hashdesk-priv' };

const rpdu2 = '1.3.6.1.4.1.318.1.1.26';
export const pduOids = {
  sysDescr: '1.3.6.1.2.1.1.1.0',
  sysObjectId: '1.3.6.1.2.1.1.2.0',
  sysUpTime: '1.3.6.1.2.1.1.3.0',
  sysName: '1.3.6.1.2.1.1.5.0',
  identEntry: `${rpdu2}.2.1.1`,
  deviceConfigEntry: `${rpdu2}.4.1.1`,
  devicePropertiesEntry: `${rpdu2}.4.2.1`,
  deviceStatusEntry: `${rpdu2}.4.3.1`,
  outletSwitchedStatusEntry: `${rpdu2}.9.2.3.1`,
  outletMeteredStatusEntry: `${rpdu2}.9.4.3.1`,
};

export type OutletLoad = { name: string; powerW: number };

export type SimulatedPdu = {
  ip: string;
  kind: 'pdu';
  model: string;
  serial: string;
  name: string;
  outlets: { number: number; name: string; powerW: number; energy: EnergyCounter }[];
  deviceEnergy: EnergyCounter;
  resetEnergy(): void;
  rollOverEnergy(secondsBeforeWrap?: number): void;
  stop(): Promise<void>;
};

type MibRequest = { oid: string; operation: number; setValue?: unknown; instanceNode: { value: unknown }; done: (error?: { errorStatus: number }) => void };

const ro = snmp.MaxAccess['read-only'];
const rw = snmp.MaxAccess['read-write'];
const { Integer, OctetString, Counter32 } = snmp.ObjectType;

function column(number: number, name: string, type: number, maxAccess = ro) {
  return { number, name, type, maxAccess };
}

/** Row index and column number of an instance OID below a table entry. */
function cellOf(entryOid: string, oid: string): { columnNumber: number; row: number } {
  const [columnNumber, row] = oid
    .slice(entryOid.length + 1)
    .split('.')
    .map(Number);
  return { columnNumber, row };
}

function tableProvider(name: string, oid: string, columns: ReturnType<typeof column>[], handler: (request: MibRequest) => void) {
  return {
    name,
    type: snmp.MibProviderType.Table,
    oid,
    maxAccess: snmp.MaxAccess['not-accessible'],
    tableColumns: columns,
    tableIndex: [{ columnName: columns[0].name }],
    handler,
  };
}

export async function startPdu(options: { ip: string; name: string; serial: string; outlets: OutletLoad[]; speed?: number }): Promise<SimulatedPdu> {
  const startedAt = Date.now();
  // Tenths of kWh per second at `powerW`: W / 3600 s/h / 1000 W/kW × 10.
  const tenthsPerSecond = (powerW: number) => powerW / 360_000;
  const outlets = options.outlets.map((load, i) => ({
    number: i + 1,
    ...load,
    energy: energyCounter(Math.round((load.powerW * 24 * 90) / 100), tenthsPerSecond(load.powerW), options.speed, startedAt),
  }));
  const totalW = outlets.reduce((sum, outlet) => sum + outlet.powerW, 0);
  const deviceEnergy = energyCounter(Math.round((totalW * 24 * 400) / 100), tenthsPerSecond(totalW), options.speed, startedAt);
  const model = 'AP8886';

  const agent = snmp.createAgent(
    { port: pduSnmpPort, address: options.ip, transport: 'udp4', accessControlModelType: snmp.AccessControlModelType.Simple },
    () => undefined,
  );
  const authorizer = agent.getAuthorizer();
  authorizer.addCommunity(pduCommunities.read);
  authorizer.addCommunity(pduCommunities.write);
  authorizer.addUser({
    name: pduV3User.name,
    level: snmp.SecurityLevel.authPriv,
    authProtocol: snmp.AuthProtocols.sha,
    authKey: pduV3User.authKey,
    privProtocol: snmp.PrivProtocols.aes,
    privKey: pduV3User.privKey,
  });
  const acm = authorizer.getAccessControlModel();
  acm.setCommunityAccess(pduCommunities.read, snmp.AccessLevel.ReadOnly);
  acm.setCommunityAccess(pduCommunities.write, snmp.AccessLevel.ReadWrite);
  acm.setUserAccess(pduV3User.name, snmp.AccessLevel.ReadWrite);

  const mib = agent.getMib();
  const scalar = (name: string, oid: string, scalarType: number, value: unknown, handler?: (request: MibRequest) => void) => {
    mib.registerProvider({ name, type: snmp.MibProviderType.Scalar, oid: oid.replace(/\.0$/, ''), scalarType, maxAccess: ro, handler });
    mib.setScalarValue(name, value);
  };
  scalar(
    'sysDescr',
    pduOids.sysDescr,
    OctetString,
    `APC Web/SNMP Management Card (MB:v4.1.0 PF:v6.9.6 PN:apc_hw05_aos_696.bin AF1:v6.9.6 AN1:apc_hw05_rpdu2g_696.bin MN:${model} HR:05 SN: ${options.serial} MD:03/14/2023)`,
  );
  scalar('sysObjectID', pduOids.sysObjectId, snmp.ObjectType.OID, '1.3.6.1.4.1.318.1.3.4.5');
  scalar('sysUpTime', pduOids.sysUpTime, snmp.ObjectType.TimeTicks, 0, (request) => {
    request.instanceNode.value = Math.floor((Date.now() - startedAt) / 10) + 8_640_000;
    request.done();
  });
  scalar('sysName', pduOids.sysName, OctetString, options.name);

  mib.registerProvider(
    tableProvider(
      'rPDU2IdentTable',
      pduOids.identEntry,
      [
        column(1, 'identIndex', Integer),
        column(3, 'identName', OctetString),
        column(6, 'identFirmwareRev', OctetString),
        column(8, 'identModelNumber', OctetString),
        column(9, 'identSerialNumber', OctetString),
      ],
      (request) => request.done(),
    ),
  );
  mib.addTableRow('rPDU2IdentTable', [1, options.name, 'v6.9.6', model, options.serial]);

  const resetAll = () => {
    deviceEnergy.reset();
    for (const outlet of outlets) outlet.energy.reset();
  };
  // Writing reset(2) to DeviceEnergyReset or OutletsEnergyReset zeroes the meters, as on the real card.
  mib.registerProvider(
    tableProvider(
      'rPDU2DeviceConfigTable',
      pduOids.deviceConfigEntry,
      [column(1, 'configIndex', Integer), column(11, 'configDeviceEnergyReset', Integer, rw), column(12, 'configOutletsEnergyReset', Integer, rw)],
      (request) => {
        const { columnNumber } = cellOf(pduOids.deviceConfigEntry, request.oid);
        if (request.operation === snmp.PduType.SetRequest) {
          if (request.setValue !== 2) return request.done({ errorStatus: snmp.ErrorStatus.WrongValue });
          if (columnNumber === 11) deviceEnergy.reset();
          else for (const outlet of outlets) outlet.energy.reset();
          request.instanceNode.value = 1;
          return request.done();
        }
        if (columnNumber !== 1) request.instanceNode.value = 1; // noOperation(1) when read
        request.done();
      },
    ),
  );
  mib.addTableRow('rPDU2DeviceConfigTable', [1, 1, 1]);

  mib.registerProvider(
    tableProvider(
      'rPDU2DevicePropertiesTable',
      pduOids.devicePropertiesEntry,
      [column(1, 'propertiesIndex', Integer), column(2, 'propertiesModule', Integer), column(4, 'propertiesNumOutlets', Integer)],
      (request) => request.done(),
    ),
  );
  mib.addTableRow('rPDU2DevicePropertiesTable', [1, 1, outlets.length]);

  mib.registerProvider(
    tableProvider(
      'rPDU2DeviceStatusTable',
      pduOids.deviceStatusEntry,
      [
        column(1, 'statusIndex', Integer),
        column(3, 'statusName', OctetString),
        column(4, 'statusLoadState', Integer),
        column(5, 'statusPower', Integer),
        column(9, 'statusEnergy', Counter32),
      ],
      (request) => {
        const { columnNumber } = cellOf(pduOids.deviceStatusEntry, request.oid);
        if (columnNumber === 5) request.instanceNode.value = Math.round(totalW / 10); // hundredths of kW
        if (columnNumber === 9) request.instanceNode.value = deviceEnergy.read();
        request.done();
      },
    ),
  );
  mib.addTableRow('rPDU2DeviceStatusTable', [1, options.name, 2, Math.round(totalW / 10), deviceEnergy.read()]);

  mib.registerProvider(
    tableProvider(
      'rPDU2OutletSwitchedStatusTable',
      pduOids.outletSwitchedStatusEntry,
      [column(1, 'switchedIndex', Integer), column(3, 'switchedName', OctetString), column(4, 'switchedNumber', Integer), column(5, 'switchedState', Integer)],
      (request) => request.done(),
    ),
  );
  mib.registerProvider(
    tableProvider(
      'rPDU2OutletMeteredStatusTable',
      pduOids.outletMeteredStatusEntry,
      [
        column(1, 'meteredIndex', Integer),
        column(3, 'meteredName', OctetString),
        column(4, 'meteredNumber', Integer),
        column(6, 'meteredCurrent', Integer),
        column(7, 'meteredPower', Integer),
        column(11, 'meteredEnergy', Counter32),
      ],
      (request) => {
        const { columnNumber, row } = cellOf(pduOids.outletMeteredStatusEntry, request.oid);
        const outlet = outlets[row - 1];
        if (outlet && columnNumber === 11) request.instanceNode.value = outlet.energy.read();
        request.done();
      },
    ),
  );
  for (const outlet of outlets) {
    mib.addTableRow('rPDU2OutletSwitchedStatusTable', [outlet.number, outlet.name, outlet.number, outlet.powerW > 0 ? 2 : 1]);
    mib.addTableRow('rPDU2OutletMeteredStatusTable', [
      outlet.number,
      outlet.name,
      outlet.number,
      Math.round(outlet.powerW / 23),
      outlet.powerW,
      outlet.energy.read(),
    ]);
  }

  await new Promise<void>((resolve, reject) => {
    const socket = Object.values(agent.listener.sockets as Record<string, UdpSocket>)[0];
    socket.once('listening', () => resolve());
    socket.once('error', (error) => reject(new Error(`The simulated PDU could not listen on ${options.ip}:${pduSnmpPort}/udp (${error.message}).`)));
  });

  return {
    ip: options.ip,
    kind: 'pdu',
    model,
    serial: options.serial,
    name: options.name,
    outlets,
    deviceEnergy,
    resetEnergy: resetAll,
    rollOverEnergy(secondsBeforeWrap = 5) {
      deviceEnergy.rollOver(secondsBeforeWrap);
      for (const outlet of outlets) outlet.energy.rollOver(secondsBeforeWrap);
    },
    stop: () => new Promise<void>((resolve) => agent.close(() => resolve())),
  };
}
